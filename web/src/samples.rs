//! The sample library: ten patterns HubSpot operations guides teach, written
//! for this project in Node 24 style, each with the mocks it needs to run as
//! is. The files live in `web/samples/` (the CLI tests them against their
//! `expect`, produced by the real-Node oracle) and are embedded here.

use action_playground::{parse_scenario, Scenario};

pub struct Sample {
    pub id: &'static str,
    pub title: &'static str,
    pub json: &'static str,
}

macro_rules! sample {
    ($id:literal, $title:literal) => {
        Sample { id: $id, title: $title, json: include_str!(concat!("../samples/", $id, ".json")) }
    };
}

pub const SAMPLES: &[Sample] = &[
    sample!("composite-scoring", "Composite lead score"),
    sample!("enrichment-api", "Enrich from an external API"),
    sample!("date-calculation", "Days until renewal"),
    sample!("slack-notification", "Slack notification"),
    sample!("text-normalization", "Normalize names and phone numbers"),
    sample!("cross-record-update", "Update the associated company (HubSpot API)"),
    sample!("json-property-parsing", "Parse a JSON property"),
    sample!("round-robin", "Round-robin owner assignment"),
    sample!("external-lookup", "Look up a customer in an external system"),
    sample!("property-matrix", "Multi-property matrix"),
];

pub fn load(id: &str) -> Option<Scenario> {
    let sample = SAMPLES.iter().find(|s| s.id == id)?;
    Some(parse_scenario(sample.json).expect("samples are valid scenarios"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use action_playground::compare::mismatches;
    use action_playground::scenario::Runtime;

    #[test]
    fn every_sample_is_node_24_and_meets_its_expectations() {
        assert_eq!(SAMPLES.len(), 10);
        for sample in SAMPLES {
            let scenario = load(sample.id).unwrap();
            assert_eq!(scenario.runtime, Runtime::Node24, "{}", sample.id);
            assert_eq!(scenario.name.as_deref(), Some(sample.title), "{}", sample.id);
            let expect = scenario.expect.clone().unwrap_or_else(|| panic!("{} has no expect", sample.id));
            let report = action_playground::run(&scenario, &Default::default());
            let problems = mismatches(&expect, &report.to_json());
            assert!(problems.is_empty(), "{}: {problems:?}", sample.id);
        }
    }

    #[test]
    fn every_sample_shares_in_under_2000_characters() {
        for sample in SAMPLES {
            let link = crate::share::encode(&load(sample.id).unwrap());
            assert!(link.len() < 1_900, "{} makes a {}-character link", sample.id, link.len());
        }
    }
}
