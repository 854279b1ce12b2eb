from auditkit.definitions import Definition, computation, definition_name, same_computation


def test_a_publisher_metric_computes_its_neutral_definition() -> None:
    assert computation("rivaliq_er_per_post_by_follower") is Definition.PER_POST_BY_FOLLOWERS
    assert same_computation("interactions_per_post_by_followers", "rivaliq_er_per_post_by_follower")
    assert same_computation("rivaliq_er_by_view", "interactions_by_views")


def test_a_rate_of_unknown_formula_matches_only_itself() -> None:
    assert computation("hootsuite_er_per_post_avg") is None
    assert computation("export_engagement_rate") is None
    assert same_computation("hootsuite_er_per_post_avg", "hootsuite_er_per_post_avg")
    assert not same_computation("hootsuite_er_per_post_avg", "interactions_per_post_by_followers")
    assert not same_computation("export_engagement_rate", "interactions_by_reach")


def test_definitions_are_named_in_words_and_typed_codes_as_typed() -> None:
    assert definition_name("rivaliq_er_per_post_by_follower")("fr").startswith("interactions")
    assert definition_name("interactions_by_reach")("en") == "interactions divided by reach"
    assert definition_name("my own rate") == "my own rate"
