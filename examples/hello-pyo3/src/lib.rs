//! The native part of hello-pyo3.
use pyo3::prelude::*;

/// Returns a greeting for `name`.
#[pyfunction]
fn greet(name: &str) -> String {
    format!("Hello, {name}, from Rust!")
}

/// Adds two integers; raises OverflowError when the sum does not fit in 64 bits.
#[pyfunction]
fn add(a: i64, b: i64) -> PyResult<i64> {
    a.checked_add(b)
        .ok_or_else(|| pyo3::exceptions::PyOverflowError::new_err("sum does not fit in 64 bits"))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(greet, m)?)?;
    m.add_function(wrap_pyfunction!(add, m)?)?;
    Ok(())
}
