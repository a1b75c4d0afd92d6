//! The small formula language of KPI definitions: decimal numbers, ids, `+ - * /`, unary minus
//! and parentheses. Parsed once at load time; ids are resolved to indices afterwards.

use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    fn precedence(self) -> u8 {
        match self {
            Op::Add | Op::Sub => 1,
            Op::Mul | Op::Div => 2,
        }
    }

    /// The sign shown to students: "+", "−", "×", "÷".
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Sub => "\u{2212}",
            Op::Mul => "×",
            Op::Div => "÷",
        }
    }

    /// Applies the operator; `None` on division by zero or overflow.
    pub fn apply(self, a: Decimal, b: Decimal) -> Option<Decimal> {
        match self {
            Op::Add => a.checked_add(b),
            Op::Sub => a.checked_sub(b),
            Op::Mul => a.checked_mul(b),
            Op::Div => a.checked_div(b),
        }
    }
}

/// An expression whose references are of type `R` (a name while parsing, an index once resolved).
#[derive(Debug, Clone, PartialEq)]
pub enum Expr<R> {
    Num(Decimal),
    Ref(R),
    Neg(Box<Expr<R>>),
    Bin(Op, Box<Expr<R>>, Box<Expr<R>>),
}

impl<R> Expr<R> {
    /// Maps every reference, failing on the first that cannot be mapped.
    pub fn try_map<S, E>(self, f: &mut impl FnMut(R) -> Result<S, E>) -> Result<Expr<S>, E> {
        Ok(match self {
            Expr::Num(n) => Expr::Num(n),
            Expr::Ref(r) => Expr::Ref(f(r)?),
            Expr::Neg(e) => Expr::Neg(Box::new(e.try_map(f)?)),
            Expr::Bin(op, a, b) => Expr::Bin(op, Box::new(a.try_map(f)?), Box::new(b.try_map(f)?)),
        })
    }

    /// How deep the tree goes: 1 for a number or a reference.
    pub fn depth(&self) -> usize {
        match self {
            Expr::Num(_) | Expr::Ref(_) => 1,
            Expr::Neg(e) => 1 + e.depth(),
            Expr::Bin(_, a, b) => 1 + a.depth().max(b.depth()),
        }
    }

    /// Every reference, left to right.
    pub fn refs(&self) -> Vec<&R> {
        let mut out = Vec::new();
        self.collect_refs(&mut out);
        out
    }

    /// Every number written in the expression, left to right.
    pub fn numbers(&self) -> Vec<Decimal> {
        let mut out = Vec::new();
        self.collect_numbers(&mut out);
        out
    }

    fn collect_numbers(&self, out: &mut Vec<Decimal>) {
        match self {
            Expr::Num(n) => out.push(*n),
            Expr::Ref(_) => {}
            Expr::Neg(e) => e.collect_numbers(out),
            Expr::Bin(_, a, b) => {
                a.collect_numbers(out);
                b.collect_numbers(out);
            }
        }
    }

    fn collect_refs<'a>(&'a self, out: &mut Vec<&'a R>) {
        match self {
            Expr::Num(_) => {}
            Expr::Ref(r) => out.push(r),
            Expr::Neg(e) => e.collect_refs(out),
            Expr::Bin(_, a, b) => {
                a.collect_refs(out);
                b.collect_refs(out);
            }
        }
    }

    /// Evaluates with `leaf` giving the value of a reference.
    pub fn eval<E>(
        &self,
        leaf: &mut impl FnMut(&R) -> Result<Decimal, E>,
        arith: impl Fn() -> E + Copy,
    ) -> Result<Decimal, E> {
        match self {
            Expr::Num(n) => Ok(*n),
            Expr::Ref(r) => leaf(r),
            Expr::Neg(e) => Ok(-e.eval(leaf, arith)?),
            Expr::Bin(op, a, b) => {
                let a = a.eval(leaf, arith)?;
                let b = b.eval(leaf, arith)?;
                op.apply(a, b).ok_or_else(arith)
            }
        }
    }

    /// Writes the expression with `leaf` naming each reference, with the fewest parentheses
    /// that keep its meaning.
    pub fn render(&self, leaf: &mut impl FnMut(&R) -> String) -> String {
        let mut out = String::new();
        self.render_into(&mut out, leaf, 0, false);
        out
    }

    fn render_into(
        &self,
        out: &mut String,
        leaf: &mut impl FnMut(&R) -> String,
        parent: u8,
        right: bool,
    ) {
        match self {
            Expr::Num(n) => out.push_str(&crate::format::number_trimmed(*n, 10)),
            Expr::Ref(r) => out.push_str(&leaf(r)),
            Expr::Neg(e) => {
                out.push('\u{2212}');
                e.render_into(out, leaf, 3, false);
            }
            Expr::Bin(op, a, b) => {
                let p = op.precedence();
                let paren = p < parent || (right && p == parent);
                if paren {
                    out.push('(');
                }
                a.render_into(out, leaf, p, false);
                out.push(' ');
                out.push_str(op.symbol());
                out.push(' ');
                b.render_into(out, leaf, p, true);
                if paren {
                    out.push(')');
                }
            }
        }
    }
}

/// Why a formula does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormulaError {
    /// Character position (0-based) where the problem was found.
    pub position: usize,
    pub message: String,
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "au caractère {} : {}", self.position + 1, self.message)
    }
}

impl std::error::Error for FormulaError {}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Num(Decimal),
    Id(String),
    Op(Op),
    Open,
    Close,
}

fn tokenize(src: &str) -> Result<Vec<(usize, Token)>, FormulaError> {
    let chars: Vec<char> = src.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let token = match c {
            '+' => Token::Op(Op::Add),
            '-' => Token::Op(Op::Sub),
            '*' => Token::Op(Op::Mul),
            '/' => Token::Op(Op::Div),
            '(' => Token::Open,
            ')' => Token::Close,
            '0'..='9' | '.' => {
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                let text: String = chars[start..i].iter().collect();
                let n = Decimal::from_str(&text).map_err(|_| FormulaError {
                    position: start,
                    message: format!("« {text} » n’est pas un nombre : écrivez les décimales avec un point (19699.32)"),
                })?;
                tokens.push((start, Token::Num(n)));
                continue;
            }
            c if c.is_ascii_lowercase() || c == '_' => {
                while i < chars.len()
                    && (chars[i].is_ascii_lowercase()
                        || chars[i].is_ascii_digit()
                        || chars[i] == '_')
                {
                    i += 1;
                }
                tokens.push((start, Token::Id(chars[start..i].iter().collect())));
                continue;
            }
            other => {
                return Err(FormulaError {
                    position: start,
                    message: format!(
                        "caractère inattendu « {other} » : une formule n’a que des identifiants en minuscules, des nombres (avec un point), + - * / et des parenthèses"
                    ),
                })
            }
        };
        tokens.push((start, token));
        i += 1;
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    pos: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos).map(|(_, t)| t)
    }

    fn here(&self) -> usize {
        self.tokens.get(self.pos).map_or(self.end, |(p, _)| *p)
    }

    fn error(&self, message: impl Into<String>) -> FormulaError {
        FormulaError {
            position: self.here(),
            message: message.into(),
        }
    }

    fn expr(&mut self) -> Result<Expr<String>, FormulaError> {
        let mut left = self.term()?;
        while let Some(Token::Op(op @ (Op::Add | Op::Sub))) = self.peek() {
            let op = *op;
            self.pos += 1;
            let right = self.term()?;
            left = Expr::Bin(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn term(&mut self) -> Result<Expr<String>, FormulaError> {
        let mut left = self.factor()?;
        while let Some(Token::Op(op @ (Op::Mul | Op::Div))) = self.peek() {
            let op = *op;
            self.pos += 1;
            let right = self.factor()?;
            left = Expr::Bin(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn factor(&mut self) -> Result<Expr<String>, FormulaError> {
        match self.peek().cloned() {
            Some(Token::Num(n)) => {
                self.pos += 1;
                Ok(Expr::Num(n))
            }
            Some(Token::Id(id)) => {
                self.pos += 1;
                Ok(Expr::Ref(id))
            }
            Some(Token::Op(Op::Sub)) => {
                self.pos += 1;
                Ok(Expr::Neg(Box::new(self.factor()?)))
            }
            Some(Token::Open) => {
                self.pos += 1;
                let inner = self.expr()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(self.error("il manque une parenthèse fermante « ) »"));
                }
                self.pos += 1;
                Ok(inner)
            }
            Some(_) => Err(self.error("un nombre, un identifiant ou « ( » est attendu ici")),
            None => Err(self.error("la formule s’arrête trop tôt")),
        }
    }
}

/// The most tokens a formula may have: the longest of a subject is about twenty. Bounds the
/// depth of the tree (which evaluating, rendering and dropping walk recursively), so that a pack
/// cannot overflow the stack with `a + a + … + a` or `((((…))))`.
pub const MAX_TOKENS: usize = 200;

/// The deepest a formula's tree may be (a sum of 30 terms, or 30 parentheses): what evaluating
/// it recurses through, once per KPI it rests on.
pub const MAX_DEPTH: usize = 32;

/// Parses a formula such as `(a3_margin - a3_spend) / a3_spend * 100`.
pub fn parse(src: &str) -> Result<Expr<String>, FormulaError> {
    let tokens = tokenize(src)?;
    if tokens.len() > MAX_TOKENS {
        return Err(FormulaError {
            position: tokens.get(MAX_TOKENS).map_or(0, |(p, _)| *p),
            message: format!(
                "formule trop longue ({} éléments, au plus {MAX_TOKENS}) : découpez-la en indicateurs intermédiaires",
                tokens.len()
            ),
        });
    }
    let mut parser = Parser {
        tokens,
        pos: 0,
        end: src.chars().count(),
    };
    if parser.peek().is_none() {
        return Err(parser.error("la formule est vide"));
    }
    let expr = parser.expr()?;
    if parser.peek().is_some() {
        return Err(parser.error("texte en trop après la fin de la formule"));
    }
    if expr.depth() > MAX_DEPTH {
        return Err(FormulaError {
            position: 0,
            message: format!(
                "formule trop imbriquée (plus de {MAX_DEPTH} opérations ou parenthèses les unes dans les autres) : découpez-la en indicateurs intermédiaires"
            ),
        });
    }
    Ok(expr)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn eval(src: &str, vars: &[(&str, Decimal)]) -> Option<Decimal> {
        let e = parse(src).ok()?;
        e.eval(
            &mut |name: &String| {
                vars.iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| *v)
                    .ok_or(())
            },
            || (),
        )
        .ok()
    }

    #[test]
    fn precedence_and_parentheses() {
        assert_eq!(eval("1 + 2 * 3", &[]), Some(dec!(7)));
        assert_eq!(eval("(1 + 2) * 3", &[]), Some(dec!(9)));
        assert_eq!(eval("10 / 4 / 5", &[]), Some(dec!(0.5)));
        assert_eq!(eval("10 - 4 - 3", &[]), Some(dec!(3)));
        assert_eq!(eval("-2 * -3", &[]), Some(dec!(6)));
        assert_eq!(
            eval(
                "(b - a) / a * 100",
                &[("a", dec!(37923)), ("b", dec!(50297))]
            )
            .map(|v| crate::format::round(v, 2)),
            Some(dec!(32.63))
        );
    }

    #[test]
    fn a_formula_too_long_to_walk_is_refused_before_it_is_parsed() {
        let deep = format!("{}a{}", "(".repeat(100_000), ")".repeat(100_000));
        let long = vec!["a"; 100_000].join(" + ");
        let minus = format!("{}a", "-".repeat(100_000));
        for src in [deep, long, minus] {
            let e = parse(&src).err().map(|e| e.message).unwrap_or_default();
            assert!(e.starts_with("formule trop longue"), "{e}");
        }
        let e = parse(&vec!["a"; 100].join(" + "))
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(e.starts_with("formule trop imbriquée"), "{e}");
        assert!(parse(&vec!["a"; 30].join(" + ")).is_ok());
    }

    #[test]
    fn division_by_zero_is_an_error() {
        assert_eq!(eval("1 / 0", &[]), None);
    }

    #[test]
    fn errors_name_the_position() {
        let err = parse("a + * b").unwrap_err();
        assert_eq!(err.position, 4);
        assert!(parse("(a + b").is_err());
        assert!(parse("a b").is_err());
        assert!(parse("").is_err());
        assert!(parse("a % b").is_err());
        assert!(parse("1,5 * a").is_err());
        assert!(parse("A + b").is_err());
    }

    #[test]
    fn renders_with_minimal_parentheses() {
        let e = parse("(b - a) / a * 100").unwrap();
        assert_eq!(
            e.render(&mut |r: &String| r.clone()),
            "(b \u{2212} a) ÷ a × 100"
        );
        let e = parse("a - (b - c)").unwrap();
        assert_eq!(
            e.render(&mut |r: &String| r.clone()),
            "a \u{2212} (b \u{2212} c)"
        );
        let e = parse("a / (b * c)").unwrap();
        assert_eq!(e.render(&mut |r: &String| r.clone()), "a ÷ (b × c)");
        let e = parse("a * b / c").unwrap();
        assert_eq!(e.render(&mut |r: &String| r.clone()), "a × b ÷ c");
    }
}
