//! Stored states: the TEXT values of a column with a `CHECK (… IN (…))`, as enums. Each maps
//! explicitly to the exact text in the database, both ways; a text the enum does not know is a
//! decoding error ([`UnknownState`]), never a silent default.

/// A stored text no variant of the enum maps to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} stored in the database: {found:?}")]
pub struct UnknownState {
    pub what: &'static str,
    pub found: String,
}

/// Declares a stored-state enum: each variant with its stored text.
macro_rules! stored_enum {
    ($(#[$doc:meta])* $name:ident ($what:literal) { $($(#[$vdoc:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// The text stored in the database.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $crate::store::stored::UnknownState;

            fn try_from(text: &str) -> Result<Self, Self::Error> {
                match text {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::store::stored::UnknownState {
                        what: $what,
                        found: text.to_string(),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl sqlx::Type<sqlx::Sqlite> for $name {
            fn type_info() -> sqlx::sqlite::SqliteTypeInfo {
                <&str as sqlx::Type<sqlx::Sqlite>>::type_info()
            }

            fn compatible(ty: &sqlx::sqlite::SqliteTypeInfo) -> bool {
                <&str as sqlx::Type<sqlx::Sqlite>>::compatible(ty)
            }
        }

        impl<'q> sqlx::Encode<'q, sqlx::Sqlite> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Sqlite as sqlx::Database>::ArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&str as sqlx::Encode<'q, sqlx::Sqlite>>::encode_by_ref(&self.as_str(), buf)
            }
        }

        impl<'r> sqlx::Decode<'r, sqlx::Sqlite> for $name {
            fn decode(
                value: <sqlx::Sqlite as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <&str as sqlx::Decode<'r, sqlx::Sqlite>>::decode(value)?;
                Ok($name::try_from(text)?)
            }
        }
    };
}

pub(crate) use stored_enum;

#[cfg(test)]
mod tests {
    use crate::store::answers::Verdict;
    use crate::store::members::Role;
    use crate::store::posts::Kind;
    use crate::store::practice::{DoneHow, PracticeStatus};
    use crate::store::quizzes::QuizStatus;
    use crate::store::votes::DiscussionStatus;

    #[test]
    fn states_map_to_their_stored_text_both_ways() {
        for v in [Verdict::Correct, Verdict::Close, Verdict::Wrong] {
            assert_eq!(Verdict::try_from(v.as_str()), Ok(v));
        }
        // The texts of the migrations' CHECK constraints, exactly.
        let texts = [
            QuizStatus::Running.as_str(),
            QuizStatus::Paused.as_str(),
            QuizStatus::Finished.as_str(),
            QuizStatus::Stopped.as_str(),
            PracticeStatus::Active.as_str(),
            PracticeStatus::Done.as_str(),
            PracticeStatus::Abandoned.as_str(),
            DoneHow::Correct.as_str(),
            DoneHow::Tries.as_str(),
            DoneHow::Solution.as_str(),
            Kind::Question.as_str(),
            Kind::Reveal.as_str(),
            Kind::Final.as_str(),
            DiscussionStatus::Open.as_str(),
            DiscussionStatus::Closed.as_str(),
            Role::Student.as_str(),
            Role::Teacher.as_str(),
        ];
        assert_eq!(
            texts,
            [
                "running",
                "paused",
                "finished",
                "stopped",
                "active",
                "done",
                "abandoned",
                "correct",
                "tries",
                "solution",
                "question",
                "reveal",
                "final",
                "open",
                "closed",
                "student",
                "teacher"
            ]
        );
        assert_eq!(Kind::try_from("final"), Ok(Kind::Final));
        let err = QuizStatus::try_from("done").err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("unknown quiz status stored in the database: \"done\"")
        );
    }
}
