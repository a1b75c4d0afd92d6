//! A small drawing surface for the charts: shapes through tiny-skia, text through ab_glyph with
//! the DejaVu Sans fonts embedded in the binary (no system font lookup), PNG through `png` with
//! no metadata. Everything is plain arithmetic on the same inputs, so the same chart gives the
//! same pixels on every machine.

use super::ChartError;
use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use tiny_skia::{
    FillRule, Paint, PathBuilder, Pixmap, PremultipliedColorU8, Rect, Stroke, StrokeDash, Transform,
};

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// An opaque colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

/// The palette: readable on the white card whatever Discord's theme around it, and told apart
/// by colour-blind readers (Okabe–Ito hues, with lightness differences for the pairs).
pub(crate) mod colour {
    use super::Rgb;
    pub const CARD: Rgb = Rgb(0xFF, 0xFF, 0xFF);
    pub const BORDER: Rgb = Rgb(0xC4, 0xC9, 0xD0);
    pub const INK: Rgb = Rgb(0x1E, 0x1F, 0x22);
    pub const MUTED: Rgb = Rgb(0x4E, 0x53, 0x5C);
    pub const GRID: Rgb = Rgb(0xE3, 0xE5, 0xE8);
    pub const AXIS: Rgb = Rgb(0x80, 0x84, 0x8E);
    pub const TRACK: Rgb = Rgb(0xEB, 0xED, 0xF0);
    pub const BLUE: Rgb = Rgb(0x00, 0x72, 0xB2);
    pub const GREY_BLUE: Rgb = Rgb(0x9A, 0xA5, 0xB1);
    pub const ORANGE: Rgb = Rgb(0xE6, 0x9F, 0x00);
    pub const GREEN: Rgb = Rgb(0x00, 0x9E, 0x73);
    pub const DARK_GREEN: Rgb = Rgb(0x00, 0x7A, 0x58);
    pub const RED: Rgb = Rgb(0xD5, 0x5E, 0x00);
    pub const GOLD: Rgb = Rgb(0xF2, 0xC1, 0x4E);
    pub const SILVER: Rgb = Rgb(0xC3, 0xCB, 0xD4);
    pub const BRONZE: Rgb = Rgb(0xDB, 0x9A, 0x5F);
    pub const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

/// How a piece of text looks: size in pixels (the em), weight, colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub size: f32,
    pub weight: Weight,
    pub colour: Rgb,
}

impl Style {
    pub const fn new(size: f32, weight: Weight, colour: Rgb) -> Style {
        Style {
            size,
            weight,
            colour,
        }
    }
}

/// The blank border around every chart.
pub(crate) const MARGIN: f32 = 24.0;

/// Text sizes, in pixels of the em, for an 800 px wide picture read on a phone.
pub(crate) mod size {
    pub const TITLE: f32 = 28.0;
    pub const TITLE_MIN: f32 = 22.0;
    pub const SUBTITLE: f32 = 19.0;
    pub const BODY: f32 = 20.0;
    pub const LABEL: f32 = 18.0;
    pub const SMALL: f32 = 16.0;
}

/// The two embedded fonts.
pub(crate) struct Fonts {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl Fonts {
    pub fn load() -> Result<Fonts, ChartError> {
        Ok(Fonts {
            regular: FontRef::try_from_slice(REGULAR).map_err(|_| ChartError::Font)?,
            bold: FontRef::try_from_slice(BOLD).map_err(|_| ChartError::Font)?,
        })
    }

    fn font(&self, weight: Weight) -> &FontRef<'static> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The ab_glyph scale whose em is `size` pixels.
    fn scale(&self, weight: Weight, size: f32) -> PxScale {
        let font = self.font(weight);
        let em = font.units_per_em().unwrap_or(2048.0);
        PxScale::from(size * font.height_unscaled() / em)
    }

    /// Whether the fonts can draw `c` (both weights share their character set).
    pub fn has_glyph(&self, c: char) -> bool {
        self.regular.glyph_id(c).0 != 0 && self.bold.glyph_id(c).0 != 0
    }

    /// The advance width of `text`, kerning included.
    pub fn width(&self, text: &str, style: Style) -> f32 {
        let font = self.font(style.weight);
        let scaled = font.as_scaled(self.scale(style.weight, style.size));
        let mut width = 0.0;
        let mut previous = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = previous {
                width += scaled.kern(p, id);
            }
            width += scaled.h_advance(id);
            previous = Some(id);
        }
        width
    }

    /// `text` cut with "…" so that it is at most `max` pixels wide.
    pub fn fit(&self, text: &str, style: Style, max: f32) -> String {
        if self.width(text, style) <= max {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let mut keep = chars.len();
        while keep > 0 {
            keep -= 1;
            let mut candidate: String = chars[..keep].iter().collect();
            candidate = candidate.trim_end().to_string();
            candidate.push('…');
            if self.width(&candidate, style) <= max {
                return candidate;
            }
        }
        "…".to_string()
    }

    /// Words of `text` in lines at most `max` wide; at most `lines` lines, the last one cut.
    pub fn wrap(&self, text: &str, style: Style, max: f32, lines: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut current = String::new();
        let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
        for (i, word) in words.iter().enumerate() {
            let candidate = if current.is_empty() {
                (*word).to_string()
            } else {
                format!("{current} {word}")
            };
            if current.is_empty() || self.width(&candidate, style) <= max {
                current = candidate;
                continue;
            }
            if out.len() + 1 == lines {
                let rest = words[i..].join(" ");
                out.push(self.fit(&format!("{current} {rest}"), style, max));
                return out;
            }
            out.push(std::mem::take(&mut current));
            current = (*word).to_string();
        }
        if !current.is_empty() || out.is_empty() {
            out.push(self.fit(&current, style, max));
        }
        out
    }
}

/// Keeps what the fonts can draw of a name typed by a user: no control characters, no glyph
/// the fonts lack (emoji), spaces collapsed; "?" when nothing is left.
pub(crate) fn clean_name(fonts: &Fonts, name: &str) -> String {
    let kept: String = name
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control() && (*c == ' ' || fonts.has_glyph(*c)))
        .collect();
    let words: Vec<&str> = kept.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        "?".to_string()
    } else {
        words.join(" ")
    }
}

/// The picture being drawn.
pub(crate) struct Canvas {
    pixmap: Pixmap,
    pub fonts: Fonts,
    pub width: f32,
    pub height: f32,
}

fn paint(colour: Rgb) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(colour.0, colour.1, colour.2, 255);
    paint.anti_alias = true;
    paint
}

impl Canvas {
    /// A white card with a thin border.
    pub fn new(width: u32, height: u32) -> Result<Canvas, ChartError> {
        let mut pixmap = Pixmap::new(width, height).ok_or(ChartError::Canvas)?;
        pixmap.fill(tiny_skia::Color::from_rgba8(
            colour::CARD.0,
            colour::CARD.1,
            colour::CARD.2,
            255,
        ));
        let mut canvas = Canvas {
            pixmap,
            fonts: Fonts::load()?,
            width: width as f32,
            height: height as f32,
        };
        let (w, h) = (canvas.width, canvas.height);
        canvas.stroke_rect(1.0, 1.0, w - 2.0, h - 2.0, 2.0, colour::BORDER);
        Ok(canvas)
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, colour: Rgb) {
        if let Some(rect) = Rect::from_xywh(x, y, w.max(0.0), h.max(0.0)) {
            if w > 0.0 && h > 0.0 {
                self.pixmap
                    .fill_rect(rect, &paint(colour), Transform::identity(), None);
            }
        }
    }

    pub fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32, colour: Rgb) {
        if let Some(rect) = Rect::from_xywh(x, y, w, h) {
            let path = PathBuilder::from_rect(rect);
            let stroke = Stroke {
                width,
                ..Stroke::default()
            };
            self.pixmap
                .stroke_path(&path, &paint(colour), &stroke, Transform::identity(), None);
        }
    }

    /// A rectangle with rounded corners (radius clamped to half the smaller side).
    pub fn round_rect(&mut self, x: f32, y: f32, w: f32, h: f32, r: f32, colour: Rgb) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        let r = r.min(w / 2.0).min(h / 2.0).max(0.0);
        let k = 0.552_284_8 * r;
        let mut pb = PathBuilder::new();
        pb.move_to(x + r, y);
        pb.line_to(x + w - r, y);
        pb.cubic_to(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
        pb.line_to(x + w, y + h - r);
        pb.cubic_to(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
        pb.line_to(x + r, y + h);
        pb.cubic_to(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
        pb.line_to(x, y + r);
        pb.cubic_to(x, y + r - k, x + r - k, y, x + r, y);
        pb.close();
        if let Some(path) = pb.finish() {
            self.pixmap.fill_path(
                &path,
                &paint(colour),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }

    pub fn circle(&mut self, cx: f32, cy: f32, r: f32, colour: Rgb) {
        if let Some(path) = PathBuilder::from_circle(cx, cy, r) {
            self.pixmap.fill_path(
                &path,
                &paint(colour),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }

    /// A filled polygon (arrow heads).
    pub fn polygon(&mut self, points: &[(f32, f32)], colour: Rgb) {
        let mut pb = PathBuilder::new();
        for (i, (x, y)) in points.iter().enumerate() {
            if i == 0 {
                pb.move_to(*x, *y);
            } else {
                pb.line_to(*x, *y);
            }
        }
        pb.close();
        if let Some(path) = pb.finish() {
            self.pixmap.fill_path(
                &path,
                &paint(colour),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }

    /// A straight line; `dash` gives on/off lengths for a dashed one.
    pub fn line(
        &mut self,
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        colour: Rgb,
        dash: Option<(f32, f32)>,
    ) {
        let mut pb = PathBuilder::new();
        pb.move_to(from.0, from.1);
        pb.line_to(to.0, to.1);
        let Some(path) = pb.finish() else {
            return;
        };
        let stroke = Stroke {
            width,
            dash: dash.and_then(|(on, off)| StrokeDash::new(vec![on, off], 0.0)),
            ..Stroke::default()
        };
        self.pixmap
            .stroke_path(&path, &paint(colour), &stroke, Transform::identity(), None);
    }

    /// The width of `text` in `style`.
    pub fn width(&self, text: &str, style: Style) -> f32 {
        self.fonts.width(text, style)
    }

    /// Draws `text` with its baseline at `y`, anchored at `x` as `align` says. Returns the
    /// width drawn.
    pub fn text(&mut self, text: &str, x: f32, y: f32, style: Style, align: Align) -> f32 {
        let width = self.fonts.width(text, style);
        let start = match align {
            Align::Left => x,
            Align::Center => x - width / 2.0,
            Align::Right => x - width,
        };
        let scale = self.fonts.scale(style.weight, style.size);
        let font = self.fonts.font(style.weight).clone();
        let scaled = font.as_scaled(scale);
        let mut caret = start;
        let mut previous = None;
        let pw = self.pixmap.width() as i32;
        let ph = self.pixmap.height() as i32;
        let pixels = self.pixmap.pixels_mut();
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = previous {
                caret += scaled.kern(p, id);
            }
            let glyph = id.with_scale_and_position(scale, point(caret, y));
            caret += scaled.h_advance(id);
            previous = Some(id);
            let Some(outlined) = font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outlined.px_bounds();
            // In i64: a glyph placed far off the canvas (a coordinate saturated from a huge or
            // infinite one) is skipped, never an overflow.
            let (left, top) = (bounds.min.x as i64, bounds.min.y as i64);
            let (pw, ph) = (i64::from(pw), i64::from(ph));
            outlined.draw(|gx, gy, coverage| {
                let px = left.saturating_add(i64::from(gx));
                let py = top.saturating_add(i64::from(gy));
                if px < 0 || py < 0 || px >= pw || py >= ph {
                    return;
                }
                let index = (py * pw + px) as usize;
                if let Some(pixel) = pixels.get_mut(index) {
                    *pixel = blend(*pixel, style.colour, coverage);
                }
            });
        }
        width
    }

    /// Draws `text` cut to at most `max` pixels wide.
    pub fn text_fit(&mut self, text: &str, x: f32, y: f32, style: Style, align: Align, max: f32) {
        let fitted = self.fonts.fit(text, style, max);
        self.text(&fitted, x, y, style, align);
    }

    /// The title (shrunk down to 22 px, then cut, to fit) and an optional subtitle. Returns
    /// the top of the room left for the chart.
    pub fn header(&mut self, title: &str, subtitle: Option<&str>) -> f32 {
        let max = self.width - 2.0 * MARGIN;
        let mut style = Style::new(size::TITLE, Weight::Bold, colour::INK);
        while style.size > size::TITLE_MIN && self.width(title, style) > max {
            style.size -= 1.0;
        }
        self.text_fit(title, MARGIN, 50.0, style, Align::Left, max);
        match subtitle {
            Some(sub) if !sub.is_empty() => {
                let style = Style::new(size::SUBTITLE, Weight::Regular, colour::MUTED);
                self.text_fit(sub, MARGIN, 80.0, style, Align::Left, max);
                100.0
            }
            _ => 72.0,
        }
    }

    /// A small grey line at the bottom (the source of the figures). The chart should stay
    /// above [`Canvas::footer_top`].
    pub fn footer(&mut self, text: &str) {
        let style = Style::new(size::SMALL, Weight::Regular, colour::MUTED);
        let max = self.width - 2.0 * MARGIN;
        let y = self.height - 16.0;
        self.text_fit(text, MARGIN, y, style, Align::Left, max);
    }

    /// Where the footer starts.
    pub fn footer_top(&self) -> f32 {
        self.height - 36.0
    }

    /// A legend: a coloured square and a label per series, left to right from `x`.
    pub fn legend(&mut self, entries: &[(&str, Rgb)], x: f32, baseline: f32) {
        let style = Style::new(size::LABEL, Weight::Regular, colour::INK);
        let mut at = x;
        for (label, swatch) in entries {
            self.round_rect(at, baseline - 14.0, 16.0, 16.0, 3.0, *swatch);
            at += 22.0;
            at += self.text(label, at, baseline, style, Align::Left);
            at += 28.0;
        }
    }

    /// The picture as PNG: 8-bit RGB, no ancillary chunk (no time, no text).
    pub fn png(self) -> Result<Vec<u8>, ChartError> {
        let (w, h) = (self.pixmap.width(), self.pixmap.height());
        let mut rgb = Vec::with_capacity((w * h * 3) as usize);
        for pixel in self.pixmap.pixels() {
            // Every pixel is opaque (the card is), so premultiplied equals straight colour.
            rgb.extend_from_slice(&[pixel.red(), pixel.green(), pixel.blue()]);
        }
        let mut out = Vec::with_capacity(64 * 1024);
        {
            let mut encoder = png::Encoder::new(&mut out, w, h);
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_depth(png::BitDepth::Eight);
            encoder.set_compression(png::Compression::Fast);
            let mut writer = encoder.write_header()?;
            writer.write_image_data(&rgb)?;
            writer.finish()?;
        }
        Ok(out)
    }
}

/// `colour` laid over an opaque pixel with the given coverage.
fn blend(dst: PremultipliedColorU8, colour: Rgb, coverage: f32) -> PremultipliedColorU8 {
    let a = (coverage.clamp(0.0, 1.0) * 255.0 + 0.5) as u32;
    let mix = |s: u8, d: u8| ((u32::from(s) * a + u32::from(d) * (255 - a) + 127) / 255) as u8;
    PremultipliedColorU8::from_rgba(
        mix(colour.0, dst.red()),
        mix(colour.1, dst.green()),
        mix(colour.2, dst.blue()),
        255,
    )
    .unwrap_or(dst)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_draw_french_typography() {
        let fonts = Fonts::load().unwrap();
        for c in "àâçéèêëîïôùûüÿœÉÈ€%…−\u{202F}\u{A0}×÷→·–«»'’".chars()
        {
            assert!(fonts.has_glyph(c), "no glyph for {c:?}");
        }
    }

    #[test]
    fn fit_and_wrap() {
        let fonts = Fonts::load().unwrap();
        let style = Style::new(20.0, Weight::Regular, colour::INK);
        let long = "Chiffre d'affaires HT attendu sur une année entière";
        let cut = fonts.fit(long, style, 150.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(fonts.width(&cut, style) <= 150.0);
        assert_eq!(fonts.fit("court", style, 150.0), "court");
        let lines = fonts.wrap(long, style, 200.0, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|l| fonts.width(l, style) <= 200.0));
        assert_eq!(fonts.wrap("", style, 200.0, 2), vec![String::new()]);
    }

    #[test]
    fn names_keep_what_can_be_drawn() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(clean_name(&fonts, "  Zoé\n\t Martin "), "Zoé Martin");
        assert_eq!(clean_name(&fonts, "**bold** 🎉"), "**bold**");
        assert_eq!(clean_name(&fonts, "🎉🎉"), "?");
        assert_eq!(clean_name(&fonts, "\u{7}"), "?");
    }
}
