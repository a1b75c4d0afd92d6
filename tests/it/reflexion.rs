//! The réflexion commerciale built, not only read (`/reflexion`, then `/rediger question:R`): its
//! structure judged with what was found; and spelling in written work (written answers, drafts,
//! the teacher's marking view), the subject's own names left alone.

use crate::helpers::{plain, private_text, spawn_engine};
use casebot::play::command::Command;

fn write(question: &str, text: &str) -> Command {
    Command::WrittenAnswer {
        question: question.into(),
        text: text.into(),
    }
}

/// A réflexion of about thirty lines: an introduction with its question and plan, three parts
/// with examples from the case, a conclusion.
fn reflexion() -> String {
    let filler = "Cette idée se développe avec des arguments précis, des indicateurs suivis et une attention constante aux attentes de la cible visée par l’entreprise.";
    [
        format!("Les réseaux sociaux sont devenus un lieu central de la relation client. Comment la stratégie digitale sur les réseaux sociaux peut-elle être adaptée à chaque segment de clientèle ? Nous verrons d’abord les particuliers, puis les professionnels, enfin le pilotage d’ensemble. {filler}"),
        format!("I. Pour les particuliers, Arbre-cadeau mise sur Facebook et Instagram, avec des contenus émouvants pour la fête des mères et les naissances. {filler} {filler}"),
        format!("II. Pour les professionnels, LinkedIn et le témoignage d’ICOOPA donnent confiance aux comités d’entreprise et mènent à une demande de devis. {filler} {filler}"),
        format!("III. Une cohérence d’ensemble reste nécessaire : les mêmes valeurs écologiques, un calendrier par cible et un suivi du ROAS pour réorienter le budget. {filler} {filler}"),
        format!("En conclusion, la stratégie doit rester commune dans ses valeurs et différenciée dans ses réseaux et ses contenus, selon chaque cible. {filler} Reste à relier ces réseaux au CRM pour suivre chaque client."),
    ]
    .join("\n")
}

#[tokio::test]
async fn the_reflexion_is_guided_and_its_structure_judged_with_what_was_found() {
    let play = spawn_engine("reflexion").await;
    let (prof, ana) = (play.teacher("Prof"), play.student("Ana"));
    let guide = plain(&private_text(&play.send(&ana, Command::Reflexion).await));
    assert!(
        guide.starts_with("🧭 **La réflexion commerciale (question R, 8 points), pas à pas**"),
        "{guide}"
    );
    assert!(
        guide.contains("Comment la stratégie digitale sur les réseaux sociaux"),
        "{guide}"
    );
    assert!(
        guide.contains("7. Une forme soignée (0,5 point)"),
        "{guide}"
    );
    assert!(guide.contains("250 à 450 mots"), "{guide}");

    let text = reflexion();
    let words = text.split_whitespace().count();
    assert!((250..=450).contains(&words), "{words} words");
    let said = plain(&private_text(&play.send(&ana, write("R", &text)).await));
    assert!(
        said.starts_with("🧭 **Structure de ta réflexion** : 6 critères remplis sur 6"),
        "{said}"
    );
    assert!(
        said.contains("✅ **Deux ou trois parties** : 3 parties."),
        "{said}"
    );
    assert!(
        said.contains("📝 Réponse à la question R enregistrée"),
        "{said}"
    );

    // A short text without plan nor conclusion: each missing piece is said.
    let weak = "Les réseaux sociaux sont importants.\nIl faut être présent sur Facebook.\nC’est utile pour vendre.";
    let said = plain(&private_text(&play.send(&ana, write("R", weak)).await));
    assert!(
        said.contains("trop court pour juger une structure"),
        "{said}"
    );
    assert!(
        said.contains("❌ **La problématique** : ton introduction ne pose pas de question"),
        "{said}"
    );
    // « Facebook » names an example.
    assert!(said.contains("✅ **Un exemple par partie**"), "{said}");
    assert!(
        said.contains("❌ **Deux ou trois parties** : 1 partie"),
        "{said}"
    );
    assert!(said.contains("❌ **La conclusion**"), "{said}");
    assert!(said.contains("❌ **La longueur** : "), "{said}");
    // Another question gets no structure; the guide is closed during a mock exam.
    let said = plain(&private_text(
        &play
            .send(
                &ana,
                write("2.4", "Une réponse rédigée sur la faisabilité."),
            )
            .await,
    ));
    assert!(!said.contains("Structure de ta réflexion"), "{said}");
    play.send(&prof, Command::ExamLaunch { minutes: None })
        .await;
    let said = plain(&private_text(&play.send(&ana, Command::Reflexion).await));
    assert!(said.starts_with("Examen blanc en cours"), "{said}");
}

#[tokio::test]
async fn spelling_is_checked_in_written_work_and_shown_to_the_teacher_beside_the_language_criterion(
) {
    let play = spawn_engine("spelling").await;
    let (prof, ana) = (play.teacher("Prof"), play.student("Ana"));
    let post = "Merci à Emilie HERROU BEBIN, Responsable Ressources Humaines chez @ICOOPA, pour son témoingnage : notre entreprize Arbre-cadeau a planté 800 arbres. #RSE www.arbre-cadeau.fr";
    let said = plain(&private_text(&play.send(&ana, write("2.3", post)).await));
    assert!(
        said.contains("🔤 **Orthographe** (critère « Le ton et la langue ») : 2 mots inconnus du dictionnaire, à relire : « témoingnage » (témoignage ?) · « entreprize » (entreprise ?)."),
        "{said}"
    );
    // The teacher's marking view shows it under the grid.
    let copy = play.count("SELECT MAX(id) FROM written_answers").await;
    let view = plain(&private_text(
        &play
            .send(
                &prof,
                Command::Grade {
                    answer: copy,
                    criteria: None,
                },
            )
            .await,
    ));
    assert!(view.contains("« témoingnage » (témoignage ?)"), "{view}");
    // A draft's feedback too; a clean text says how many words were checked.
    let said = plain(&private_text(
        &play
            .send(
                &ana,
                Command::DraftCheck {
                    text: "Nos arbres font des cadeaux d’entreprize durables.".into(),
                    share: false,
                },
            )
            .await,
    ));
    assert!(said.contains("« entreprize » (entreprise ?)"), "{said}");
    let said = plain(&private_text(
        &play
            .send(
                &ana,
                write("2.4", "Il faut vérifier l’accès au compte LinkedIn."),
            )
            .await,
    ));
    assert!(
        said.contains("🔤 **Orthographe** : aucun mot inconnu du dictionnaire (7 mots vérifiés). _(Un relevé pour te relire, pas une note"),
        "{said}"
    );
    assert!(view.contains("pour vous aider à noter la forme"), "{view}");
}
