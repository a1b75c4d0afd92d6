//! Ids of the bot's own French texts (in `prompts/fr/`). Code names a text only through these
//! constants; a test checks that every one exists and takes the arguments the code gives it.

macro_rules! ids {
    ($($name:ident = $id:literal [$($arg:literal),*];)*) => {
        $(pub const $name: &str = $id;)*
        /// Every id with the arguments the code passes to it.
        pub const ALL: &[(&str, &[&str])] = &[$(($id, &[$($arg),*])),*];
    };
}

ids! {
    CHECK_CORRECT = "check.correct" ["expected"];
    CHECK_CORRECT_ROUNDED = "check.correct_rounded" ["expected", "given"];
    CHECK_CORRECT_TOLERANCE = "check.correct_tolerance" ["expected", "given"];
    CHECK_CLOSE_IMPRECISE = "check.close_imprecise" ["given", "needed"];
    CHECK_CLOSE_TRUNCATED = "check.close_truncated" ["given"];
    CHECK_CLOSE_NEAR = "check.close_near" ["given"];
    CHECK_CLOSE_UNIT = "check.close_unit" ["given", "unit"];
    CHECK_WRONG = "check.wrong" ["given"];
    CHECK_MISTAKE_RATIO_FOR_PERCENT = "check.mistake.ratio_for_percent" ["given"];
    CHECK_MISTAKE_INVERTED = "check.mistake.inverted" ["given"];
    CHECK_MISTAKE_WRONG_BASE = "check.mistake.wrong_base" ["given"];
    CHECK_MISTAKE_COEFFICIENT = "check.mistake.coefficient" ["given"];
    CHECK_MISTAKE_SIGN = "check.mistake.sign_error" ["given"];
    CHECK_MISTAKE_POINTS_FOR_PERCENT = "check.mistake.points_for_percent" ["given"];
    CHECK_MISTAKE_PERCENT_FOR_POINTS = "check.mistake.percent_for_points" ["given"];
    CHECK_INVALID_EMPTY = "check.invalid.empty" [];
    CHECK_INVALID_NO_NUMBER = "check.invalid.no_number" [];
    CHECK_INVALID_SEVERAL = "check.invalid.several_numbers" [];
    CHECK_INVALID_GROUPING = "check.invalid.grouping" ["text"];
    CHECK_INVALID_LEFTOVER = "check.invalid.leftover" ["text"];
    CHECK_INVALID_DIGITS = "check.invalid.too_many_digits" [];
    CHECK_INVALID_RANGE = "check.invalid.out_of_range" [];
    CHECK_INVALID_SIGN = "check.invalid.contradictory_sign" [];
    CHECK_INVALID_UNIT = "check.invalid.unit" ["expected_unit"];
    CHECK_INVALID_WORDS = "check.invalid.words" ["text"];
    CHECK_FREE = "check.free" [];
    UNIT_COUNT = "unit.count" [];
    UNIT_EUR = "unit.eur" [];
    UNIT_PERCENT = "unit.percent" [];
    UNIT_POINTS = "unit.points" [];
    UNIT_RATIO = "unit.ratio" [];
    UNIT_SECONDS = "unit.seconds" [];
    DECIMALS_NONE = "decimals.none" [];
    DECIMALS_ONE = "decimals.one" [];
    DECIMALS_MANY = "decimals.many" ["n"];
    KPI_HEADER = "kpi.header" ["label", "value"];
    KPI_FORMULA = "kpi.formula" ["formula"];
    KPI_INPUTS = "kpi.inputs" [];
    KPI_INPUT_ANNEX = "kpi.input_annex" ["label", "number", "annex"];
    KPI_INPUT_CONSTANT = "kpi.input_constant" ["label", "number"];
    KPI_INPUT_COMPUTED = "kpi.input_computed" ["label", "number", "id"];
    KPI_CALCULATION = "kpi.calculation" ["calculation", "result"];
    KPI_ROUNDED_INPUTS = "kpi.rounded_inputs" ["value"];
    KPI_UNKNOWN = "kpi.unknown" ["id"];
    KPI_LIST_HEADER = "kpi.list_header" ["count", "case"];
    HINT_FORMULA = "hint.formula" ["label", "formula"];
    HINT_WHERE = "hint.where" [];
    HINT_FIRST_STEP = "hint.first_step" ["step"];
    HINT_FIRST_STEP_NONE = "hint.first_step_none" ["calculation"];
    ANNEX_HEADER = "annex.header" ["number", "title"];
    ANNEX_COLUMNS = "annex.columns" ["columns"];
    ANNEX_UNKNOWN = "annex.unknown" ["number", "max"];
    QUESTION_HEADER = "question.header" ["id", "points", "annexes"];
    QUESTION_HEADER_NO_ANNEX = "question.header_no_annex" ["id", "points"];
    QUESTION_PARTS = "question.parts" ["count", "points"];
    QUESTION_PART_LINE = "question.part_line" ["id", "statement"];
    QUESTION_OPEN = "question.open" [];
    QUESTION_UNKNOWN = "question.unknown" ["id", "list"];
    PART_HEADER = "part.header" ["id", "points"];
    POINTS_ONE = "points.one" ["n"];
    POINTS_MANY = "points.many" ["n"];
    ANNEX_WORD_ONE = "annex.word_one" ["list"];
    ANNEX_WORD_MANY = "annex.word_many" ["list"];
}
