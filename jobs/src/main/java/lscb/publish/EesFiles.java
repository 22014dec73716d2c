package lscb.publish;

import static lscb.publish.EesColumn.count;
import static lscb.publish.EesColumn.filter;
import static lscb.publish.EesColumn.number;
import static lscb.publish.EesColumn.percent;
import static lscb.publish.EesColumn.pounds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lscb.publish.EesFile.Levels;

/**
 * The EES open-data files the project publishes. Survey tables use time_period 2006 / 2007 with
 * time_identifier "Calendar year" (the survey year); spend tables 200607 / 200708 "Financial year".
 */
public final class EesFiles {
  /** The label of the indicator every Local authority file carries. */
  static final String COUNCILS_IN_BOARD =
      "Councils the board covers (over 1: the row repeats the whole board's figures)";

  /** Analysis columns published under the name DfE's data dictionary gives the same thing. */
  static final Map<String, String> DFE_NAMES = Map.of("children_under_18", "children_count");

  private EesFiles() {}

  /** Every published file, in publication order. */
  public static List<EesFile> all() {
    List<EesFile> files = new ArrayList<>();
    files.add(question("chair_type", "chairing", false, "Chair type of the board (survey year)"));
    files.add(question("chair_post", "chairing", false, "Post held by the board's chair (survey year)"));
    files.add(new EesFile("chair_type_change", "chair_type_change", null, Levels.REGIONAL, List.of(
        filter("chair_type", "Chair type (Total = test of the whole distribution)", "Chair type"),
        count("boards_2006", "Boards with this chair type, 2006 survey"),
        count("boards_answering_2006", "Boards answering chair type, 2006 survey (n)"),
        percent("pct_2006", "Percentage of boards answering, 2006 survey"),
        count("boards_2007", "Boards with this chair type, 2007 survey"),
        count("boards_answering_2007", "Boards answering chair type, 2007 survey (n)"),
        percent("pct_2007", "Percentage of boards answering, 2007 survey"),
        number("change_pp", "Change 2006 to 2007, percentage points", "pp", 1),
        number("chi_square", "Pearson chi-square statistic", "", 3),
        number("degrees_of_freedom", "Degrees of freedom", "", 0),
        number("p_value", "p-value (2x2 per chair type = two-proportion test)", "", 4))));
    files.add(new EesFile("chair_several_boards", "chair_several_boards", null, Levels.NATIONAL, List.of(
        filter("chair_type", "Chair type", "Chair type"),
        filter("boards_chaired", "Boards the chair chairs (2007 survey)", "Boards chaired"),
        count("returns", "Returns (2007 survey)"),
        count("fewest_distinct_chairs", "Fewest distinct chairs consistent with the returns"))));
    files.add(new EesFile("membership", "membership", null, Levels.REGIONAL, List.of(
        filter("agency", "Agency (Total = boards answering any membership question)", "Agency"),
        count("boards_with_member", "Boards with the agency as a member (survey year)"),
        count("boards_without_member", "Boards without the agency as a member (survey year)"),
        count("boards_answering", "Boards answering for the agency (n)"),
        percent("pct_with_member", "Percentage of boards answering with the agency as a member"))));
    files.add(new EesFile("board_structure", "board_structure", null, Levels.REGIONAL, List.of(
        count("boards_responding", "Boards responding (accepted returns, survey year)"),
        count("boards_answering_meetings", "Boards answering meetings per year (n)"),
        count("boards_meeting_less_than_quarterly", "Boards meeting less than quarterly"),
        number("min_meetings", "Fewest meetings a year", "", 0),
        number("median_meetings", "Median meetings a year", "", 1),
        number("max_meetings", "Most meetings a year", "", 0),
        count("boards_answering_organisations", "Boards answering contributing organisations (n)"),
        number("median_organisations", "Median contributing organisations", "", 1),
        number("max_organisations", "Most organisations contributing to one board", "", 0),
        count("boards_answering_executive_group", "Boards answering executive group (n)"),
        count("boards_with_executive_group", "Boards with a small executive group"),
        percent("pct_executive_group", "Percentage of boards answering with an executive group"))));
    files.add(new EesFile("funding_contributor", "funding_contributor", null, Levels.REGIONAL, List.of(
        filter("contributor", "Contributor (Total = all contributions, other included)", "Contributor"),
        count("boards_giving", "Boards giving an amount for this contributor (n of board shares)"),
        count("boards_with_funding", "Boards giving any contribution (n of the pooled share)"),
        pounds("amount", "Money from this contributor, survey year", 0),
        percent("share_of_all_money_pct", "Share of all money given (pooled; Table 2 as checked)"),
        percent("mean_of_board_shares_pct", "Mean of boards' own shares (Table 2, other reading)"),
        number("sd_board_share_pp", "Standard deviation of boards' own shares", "pp", 1),
        number("cv_board_share", "Coefficient of variation of boards' own shares (sd / mean)", "", 2),
        percent("min_board_share_pct", "Smallest board's own share"),
        percent("median_board_share_pct", "Median board's own share"),
        percent("max_board_share_pct", "Largest board's own share"))));
    files.add(new EesFile("funding_region_test", "funding_region_test", null, Levels.NATIONAL, List.of(
        filter("contributor", "Contributor (Total = boards giving any money; not tested)", "Contributor"),
        count("regions", "Regions in the test (2 or more boards giving)"),
        count("boards_giving", "Boards giving, in every region (those left out of the test included)"),
        number("f_statistic", "One-way ANOVA F statistic between regions (boards' own shares)", "", 3),
        number("df_between", "Degrees of freedom between regions", "", 0),
        number("df_within", "Degrees of freedom within regions", "", 0),
        number("p_value", "ANOVA p-value", "", 4))));
    files.add(new EesFile("funding_board_share", "funding_board_share", null, Levels.LOCAL_AUTHORITY, List.of(
        filter("contributor", "Contributor (Total = all the board's contributions)", "Contributor"),
        pounds("amount", "Money from this contributor, survey year", 0),
        pounds("board_total", "All the board's contributions", 0),
        percent("board_share_pct", "This contributor's share of the board's contributions"),
        count("councils_in_board", COUNCILS_IN_BOARD))));
    files.add(new EesFile("spend_per_child", "spend_per_child", null, Levels.LOCAL_AUTHORITY, List.of(
        pounds("spend", "Spend: actual in 2006-07, planned for 2007-08 (whole board)", 0),
        count("children_count", "Children under 18 at mid-year (2006 for 2006-07, 2007 for 2007-08)").missing("x"),
        pounds("spend_per_child", "Spend per child under 18 (whole board)", 2).missing("x"),
        count("councils_in_board", COUNCILS_IN_BOARD))));
    files.add(new EesFile("spend_summary", "spend_summary", null, Levels.REGIONAL, List.of(
        count("boards_answering", "Boards giving the amount (n)"),
        pounds("total_spend", "Total spend: actual in 2006-07, planned for 2007-08", 0),
        count("boards_with_population", "Of those, boards whose under-18 population is known"),
        pounds("spend_per_child_pooled", "Their total spend per child under 18", 2).missing("x"),
        pounds("min_spend_per_child", "Lowest spend per child", 2).missing("x"),
        pounds("median_spend_per_child", "Median spend per child", 2).missing("x"),
        pounds("max_spend_per_child", "Highest spend per child", 2).missing("x"),
        count("boards_answering_both", "Boards giving both 2006-07 expenditure and the 2007-08 plan (n)"),
        count("boards_planning_same_or_less", "Boards planning to spend the same or less in 2007-08"),
        percent("pct_planning_same_or_less", "Percentage planning to spend the same or less"))));
    files.add(question("priority_top_four", "priorities", false, "Priority named among the board's top four (2007 survey)"));
    files.add(question("priority_first", "priorities", false, "Priority ranked first by the board (2007 survey)"));
    files.add(question("highest_cost_top_four", "highest_costs", false,
        "Cost item named among the board's highest costs (2007 survey)"));
    files.add(question("highest_cost_first", "highest_costs", false, "The board's highest cost item (2007 survey)"));
    files.add(question("lead_member", "influence", true, "How the board reaches the council's lead member (2007 survey)"));
    files.add(question("chief_executive_contact", "influence", true,
        "Whether the chair meets the council's chief executive (2007 survey)"));
    files.add(question("cdop", "reviews", false, "Child death overview panel (2007 survey)"));
    files.add(question("scr_commissioned", "reviews", false, "Serious case reviews commissioned, Table 4 bands (2007 survey)"));
    files.add(question("scr_completed", "reviews", false, "Serious case reviews completed, Table 4 bands (2007 survey)"));
    return files;
  }

  /**
   * A file of answer_share rows for one question of a topic: one file per question, so that the answer
   * filter's Total (boards answering) is the only aggregate a reader needs.
   */
  private static EesFile question(String question, String topic, boolean byChairType, String answerLabel) {
    List<EesColumn> columns = new ArrayList<>();
    if (byChairType) {
      columns.add(filter("chair_type", "Chair type of the board (Total = all boards)", "Chair type"));
    }
    columns.add(filter("answer", answerLabel + " (Total = boards answering)", "Answer"));
    columns.add(count("boards", "Boards giving this answer"));
    columns.add(count("boards_answering", "Boards answering the question (n)"));
    columns.add(percent("pct", "Percentage of boards answering"));
    String rows = "topic = '" + topic + "' AND question = '" + question + "'"
        + (byChairType ? "" : " AND chair_type = 'Total'");
    return new EesFile(question, "answer_share", rows, Levels.REGIONAL, columns);
  }
}
