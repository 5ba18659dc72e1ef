//! A struct as a template value whose fields become values only when a template reads them.
//!
//! Converting a whole [`NoticeView`](super::view::NoticeView) into a template value converts every
//! purpose, category and recipient in it; the index page reads five of its fields. [`Fields`] holds
//! the struct and converts the one field asked for, found by serialising the struct into
//! [`Pick`], which keeps that field's value and passes the others by without serialising them.

use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr};
use serde::Serialize;
use serde::ser::{self, Impossible};

/// A struct as a template value read field by field: item `at` of a shared list of them.
#[derive(Debug)]
pub(super) struct Fields<T> {
    /// The list the struct is in.
    list: Arc<Vec<T>>,
    /// Its place in the list.
    at: usize,
}

impl<T> Fields<T> {
    /// Item `at` of `list`.
    pub(super) fn new(list: Arc<Vec<T>>, at: usize) -> Self {
        Fields { list, at }
    }
}

impl<T: Serialize + std::fmt::Debug + Send + Sync + 'static> Object for Fields<T> {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let item = self.list.get(self.at)?;
        let key = key.as_str()?;
        item.serialize(Pick { key }).ok()?.map(|(_, v)| v)
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        let Some(item) = self.list.get(self.at) else {
            return Enumerator::Empty;
        };
        let mut names = Vec::new();
        let _ = item.serialize(Names(&mut names));
        Enumerator::Values(names.into_iter().map(Value::from).collect())
    }
}

/// Why a value could not be picked: it is not a struct.
#[derive(Debug)]
struct NotAStruct;

impl std::fmt::Display for NotAStruct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("only the fields of a struct can be read one at a time")
    }
}

impl std::error::Error for NotAStruct {}

impl ser::Error for NotAStruct {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        NotAStruct
    }
}

/// Every serialiser method but `serialize_struct` refuses: the value is not a struct.
macro_rules! refuse_all_but_structs {
    ($ok:ty) => {
        type Ok = $ok;
        type Error = NotAStruct;
        type SerializeSeq = Impossible<$ok, NotAStruct>;
        type SerializeTuple = Impossible<$ok, NotAStruct>;
        type SerializeTupleStruct = Impossible<$ok, NotAStruct>;
        type SerializeTupleVariant = Impossible<$ok, NotAStruct>;
        type SerializeMap = Impossible<$ok, NotAStruct>;
        type SerializeStructVariant = Impossible<$ok, NotAStruct>;

        fn serialize_bool(self, _: bool) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_i8(self, _: i8) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_i16(self, _: i16) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_i32(self, _: i32) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_i64(self, _: i64) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_u8(self, _: u8) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_u16(self, _: u16) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_u32(self, _: u32) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_u64(self, _: u64) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_f32(self, _: f32) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_f64(self, _: f64) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_char(self, _: char) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_str(self, _: &str) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_bytes(self, _: &[u8]) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_none(self) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_some<V: ?Sized + Serialize>(self, _: &V) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_unit(self) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_unit_struct(self, _: &'static str) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_unit_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
        ) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_newtype_struct<V: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: &V,
        ) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_newtype_variant<V: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &V,
        ) -> Result<$ok, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotAStruct> {
            Err(NotAStruct)
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, NotAStruct> {
            Err(NotAStruct)
        }
    };
}

/// Serialises a struct into the template value of its field `key` (and the field's name), leaving
/// the other fields unserialised; `None` when it has no such field.
struct Pick<'k> {
    /// The field wanted.
    key: &'k str,
}

/// The struct being picked from: the field wanted and, once found, its name and value.
struct Picking<'k> {
    key: &'k str,
    found: Option<(&'static str, Value)>,
}

impl<'k> ser::Serializer for Pick<'k> {
    refuse_all_but_structs!(Option<(&'static str, Value)>);
    type SerializeStruct = Picking<'k>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Picking<'k>, NotAStruct> {
        Ok(Picking {
            key: self.key,
            found: None,
        })
    }
}

impl ser::SerializeStruct for Picking<'_> {
    type Ok = Option<(&'static str, Value)>;
    type Error = NotAStruct;

    fn serialize_field<V: ?Sized + Serialize>(
        &mut self,
        name: &'static str,
        value: &V,
    ) -> Result<(), NotAStruct> {
        if self.found.is_none() && name == self.key {
            self.found = Some((name, Value::from(minijinja::value::Serde(value))));
        }
        Ok(())
    }

    fn end(self) -> Result<Self::Ok, NotAStruct> {
        Ok(self.found)
    }
}

/// Serialises a struct into the names of its fields, serialising no value.
struct Names<'a>(&'a mut Vec<&'static str>);

/// The struct whose field names are being collected.
struct Naming<'a>(&'a mut Vec<&'static str>);

impl<'a> ser::Serializer for Names<'a> {
    refuse_all_but_structs!(());
    type SerializeStruct = Naming<'a>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Naming<'a>, NotAStruct> {
        Ok(Naming(self.0))
    }
}

impl ser::SerializeStruct for Naming<'_> {
    type Ok = ();
    type Error = NotAStruct;

    fn serialize_field<V: ?Sized + Serialize>(
        &mut self,
        name: &'static str,
        _: &V,
    ) -> Result<(), NotAStruct> {
        self.0.push(name);
        Ok(())
    }

    fn end(self) -> Result<(), NotAStruct> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    #[derive(Debug, Serialize)]
    struct Row {
        id: String,
        count: u32,
        tags: Vec<String>,
        note: Option<String>,
    }

    fn rows() -> Arc<Vec<Row>> {
        Arc::new(vec![
            Row {
                id: "a".into(),
                count: 1,
                tags: vec!["x".into(), "y".into()],
                note: None,
            },
            Row {
                id: "b<".into(),
                count: 2,
                tags: Vec::new(),
                note: Some("n".into()),
            },
        ])
    }

    #[test]
    fn a_template_reads_the_same_from_the_fields_as_from_the_whole_value() {
        let list = rows();
        let mut env = minijinja::Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        let template = "{% for r in rows %}{{ r.id }} {{ r.count }} {{ r.tags|join(',') }} \
            {{ r.note }} {{ r.missing is undefined }} {{ r|length }} {{ r|list|join(',') }} \
            {{ r.tags[1] }} {{ r }} {{ r|items|list|length }}|{% endfor %}";
        let fields: Vec<Value> = (0..list.len())
            .map(|at| Value::from_object(Fields::new(Arc::clone(&list), at)))
            .collect();
        let whole: Vec<Value> = list
            .iter()
            .map(|r| Value::from(minijinja::value::Serde(r)))
            .collect();
        let lazy = env
            .render_str(template, minijinja::context! { rows => fields })
            .unwrap();
        let eager = env
            .render_str(template, minijinja::context! { rows => whole })
            .unwrap();
        assert_eq!(lazy, eager);
        assert!(lazy.contains("b&lt;"), "{lazy}");
    }

    #[test]
    fn only_a_struct_has_fields() {
        assert!(7u32.serialize(Pick { key: "id" }).is_err());
        let mut names = Vec::new();
        assert!("text".serialize(Names(&mut names)).is_err());
        assert!(names.is_empty());
    }
}
