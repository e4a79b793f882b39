//! The expansion of a `policy!` that has errors: the errors, any warnings, and a value of
//! the right type so that no secondary type errors follow (thiserror's `fallback.rs`,
//! tokio-macros' `token_stream_with_error`).

use proc_macro2::TokenStream;
use quote::quote;

/// `{ compile_error!{..} ... warnings ... CRATE::__private::placeholder() }`.
///
/// Without a crate path (the input did not come through `policy!`), the block holds only
/// the errors.
pub fn expansion(
    krate: Option<&TokenStream>,
    errors: &syn::Error,
    warnings: &TokenStream,
) -> TokenStream {
    let errors = errors.to_compile_error();
    let Some(krate) = krate else {
        return quote! {
            {
                #errors
            }
        };
    };
    quote! {
        {
            #errors
            #warnings
            #krate::__private::placeholder()
        }
    }
}
