//! Spreadsheet files of the exports (`/export`): French conventions (`;` between columns,
//! decimal comma, UTF-8 with a byte-order mark), cells that can never run as formulas, and
//! file names made from a class's name.

/// A text cell of an export, inert in a spreadsheet: a cell that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return would be read as a formula by Excel, LibreOffice or Sheets (a
/// display name `=HYPERLINK(…)`, an answer `=1+1`), so it gets a leading apostrophe, which
/// spreadsheets show as text and hide. The figures the bot writes itself are never text cells.
pub(crate) fn sheet_text(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// A class name as part of a file name: letters, digits and `-`.
pub(crate) fn sanitize(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() {
        "classe".into()
    } else {
        s
    }
}

/// A CSV of `;`-separated cells with a byte-order mark (French spreadsheets).
pub(crate) fn csv_file(rows: Vec<Vec<String>>) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .flexible(false)
        .from_writer(Vec::new());
    for row in rows {
        writer.write_record(row)?;
    }
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(
        writer
            .into_inner()
            .map_err(|e| anyhow::anyhow!("csv: {e}"))?,
    );
    Ok(bytes)
}
