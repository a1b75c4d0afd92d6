//! Ids of the French texts the charts draw (in `prompts/fr/charts.toml`), with the arguments the
//! code gives each one. A test checks that every one exists and asks for nothing else.

macro_rules! ids {
    ($($name:ident = $id:literal [$($arg:literal),*];)*) => {
        $(pub(crate) const $name: &str = $id;)*
        /// Every id with the arguments the code passes to it.
        pub const TEXTS: &[(&str, &[&str])] = &[$(($id, &[$($arg),*])),*];
        /// Every id the charts use.
        pub const TEXT_IDS: &[&str] = &[$($id),*];
    };
}

ids! {
    PERIOD_FIRST = "chart.period.first" [];
    PERIOD_SECOND = "chart.period.second" [];

    TRAFFIC_TITLE = "chart.traffic.title" [];
    TRAFFIC_SUBTITLE = "chart.traffic.subtitle" [];
    TRAFFIC_SOURCE = "chart.traffic.source" [];
    SESSIONS_TITLE = "chart.sessions.title" [];
    SESSIONS_SUBTITLE = "chart.sessions.subtitle" [];
    SESSIONS_SOURCE = "chart.sessions.source" [];
    ORIGIN_ORGANIC = "chart.origin.organic" [];
    ORIGIN_DIRECT = "chart.origin.direct" [];
    ORIGIN_SOCIAL = "chart.origin.social" [];
    ORIGIN_PAID = "chart.origin.paid" [];
    ORIGIN_DISPLAY = "chart.origin.display" [];
    ORIGIN_EMAIL = "chart.origin.email" [];
    ORIGIN_REFERRAL = "chart.origin.referral" [];

    EVOLUTION_TITLE = "chart.evolution.title" [];
    EVOLUTION_SUBTITLE = "chart.evolution.subtitle" [];
    EVOLUTION_SOURCE = "chart.evolution.source" [];
    EVOLUTION_NOTE = "chart.evolution.note" ["from", "to", "diff", "evolution"];
    SITE_USERS = "chart.site.users" [];
    SITE_NEW_USERS = "chart.site.new_users" [];
    SITE_SESSIONS = "chart.site.sessions" [];
    SITE_SESSIONS_PER_USER = "chart.site.sessions_per_user" [];
    SITE_PAGEVIEWS = "chart.site.pageviews" [];
    SITE_PAGES_PER_SESSION = "chart.site.pages_per_session" [];
    SITE_DURATION = "chart.site.duration" [];

    ADS_TITLE = "chart.ads.title" [];
    ADS_SUBTITLE = "chart.ads.subtitle" [];
    ADS_SOURCE = "chart.ads.source" [];
    ADS_GOOGLE = "chart.ads.google" [];
    ADS_FACEBOOK = "chart.ads.facebook" [];
    ADS_COST_PER_SALE = "chart.ads.cost_per_sale" [];
    ADS_CONVERSION = "chart.ads.conversion" [];
    ADS_ROAS = "chart.ads.roas" [];
    ADS_LOWER_BETTER = "chart.ads.lower_better" [];
    ADS_HIGHER_BETTER = "chart.ads.higher_better" [];

    SEGMENTS_TITLE = "chart.segments.title" [];
    SEGMENTS_SUBTITLE = "chart.segments.subtitle" [];
    SEGMENTS_SOURCE = "chart.segments.source" [];
    SEGMENTS_B2C = "chart.segments.b2c" [];
    SEGMENTS_B2B = "chart.segments.b2b" [];
    SEGMENTS_SHARE = "chart.segments.share" ["segment", "value"];
    SEGMENTS_REVENUE = "chart.segments.revenue" ["total"];
    SEGMENTS_ORDERS = "chart.segments.orders" ["total"];
    SEGMENTS_TREES = "chart.segments.trees" ["total"];

    LINKEDIN_TITLE = "chart.linkedin.title" [];
    LINKEDIN_SUBTITLE = "chart.linkedin.subtitle" [];
    LINKEDIN_SOURCE = "chart.linkedin.source" [];
    LINKEDIN_BUDGET = "chart.linkedin.budget" [];
    LINKEDIN_CLICKS = "chart.linkedin.clicks" [];
    LINKEDIN_ORDERS = "chart.linkedin.orders" [];
    LINKEDIN_REVENUE = "chart.linkedin.revenue" [];
    LINKEDIN_BY_CPC = "chart.linkedin.by_cpc" ["value"];
    LINKEDIN_BY_CONVERSION = "chart.linkedin.by_conversion" ["value"];
    LINKEDIN_BY_BASKET = "chart.linkedin.by_basket" ["value"];
    LINKEDIN_ROAS = "chart.linkedin.roas" ["value"];
    LINKEDIN_ROAS_MEANING = "chart.linkedin.roas_meaning" ["value"];

    HIDDEN_MARK = "chart.hidden.mark" [];
    HIDDEN_FOOTER = "chart.hidden.footer" ["source"];

    ANSWERS_TITLE = "chart.answers.title" [];
    ANSWERS_RIGHT = "chart.answers.right" ["value"];
    ANSWERS_NONE = "chart.answers.none" [];
    ANSWERS_OFF_LOW = "chart.answers.off_low" ["n"];
    ANSWERS_OFF_HIGH = "chart.answers.off_high" ["n"];
    ANSWERS_CORRECT = "chart.answers.correct" ["n"];
    ANSWERS_CLOSE = "chart.answers.close" ["n"];
    ANSWERS_WRONG = "chart.answers.wrong" ["n"];

    PODIUM_TITLE = "chart.podium.title" [];
    PODIUM_RANK = "chart.podium.rank" ["n"];
    PODIUM_MORE = "chart.podium.more" ["n"];
    POINTS = "chart.points.count" ["n"];

    SCORES_TITLE = "chart.scores.title" [];
    SCORES_SUBTITLE = "chart.scores.subtitle" ["students", "max"];
    SCORES_STUDENTS = "chart.scores.students" ["n"];
    SCORES_MEAN = "chart.scores.mean" ["value"];

    RESULTS_TITLE = "chart.results.title" [];
    RESULTS_LINE = "chart.results.line" ["earned", "possible", "percent"];
    RESULTS_TOTAL = "chart.results.total" ["earned", "possible", "percent"];
    RESULTS_MORE = "chart.results.more" ["n"];

    VOTES_TITLE = "chart.votes.title" [];
    VOTES_SUBTITLE = "chart.votes.subtitle" ["posts", "voters"];
    VOTES_POSTS = "chart.votes.posts" ["n"];
    VOTES_VOTERS = "chart.votes.voters" ["n"];
    VOTES_VOTES = "chart.votes.votes" ["n"];
    VOTES_CONVINCING = "chart.votes.convincing" [];
    VOTES_MIXED = "chart.votes.mixed" [];
    VOTES_REWORK = "chart.votes.rework" [];
    VOTES_MORE = "chart.votes.more" ["n"];
}
