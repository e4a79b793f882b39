//! What a policy grants, as (action, resource pattern, condition) triples, and what one
//! policy grants that another does not.

pub mod matching;
