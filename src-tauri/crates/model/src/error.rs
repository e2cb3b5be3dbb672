use crate::Id;

/// Why an edit was refused. A refused edit leaves the document unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EditError {
    #[error("there is no {entity} with id {id:?}")]
    NotFound { entity: &'static str, id: Id },
    #[error("a {entity} with id {id:?} already exists")]
    DuplicateId { entity: &'static str, id: Id },
    #[error("{field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
}

pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> EditError {
    EditError::Invalid {
        field,
        message: message.into(),
    }
}

pub(crate) fn not_found(entity: &'static str, id: &str) -> EditError {
    EditError::NotFound {
        entity,
        id: id.to_string(),
    }
}
