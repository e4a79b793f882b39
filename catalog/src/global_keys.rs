//! Global condition keys (being written).
