package lscb.publish;

import static lscb.publish.EesColumn.count;
import static lscb.publish.EesColumn.filter;
import static lscb.publish.EesColumn.number;
import static lscb.publish.EesColumn.percent;
import static lscb.publish.EesColumn.pounds;

import java.util.ArrayList;
import java.util.List;
import lscb.publish.EesFile.Levels;

/**
 * The EES open-data files the project publishes. Survey tables use time_period 2006 / 2007 with
 * time_identifier "Calendar year" (the survey year); spend tables 200607 / 200708 "Financial year".
 */
public final class EesFiles {
  private EesFiles() {}

  /** Every published file, in publication order. */
  public static List<EesFile> all() {
    List<EesFile> files = new ArrayList<>();
    files.add(answers("chairing", "chairing",
        "Who chairs the board: chair type and chair post (survey year)", false));
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
        filter("contributor", "Contributor", "Contributor"),
        count("regions", "Regions in the test (2 or more boards giving)"),
        count("boards_giving", "Boards giving (all regions)"),
        number("f_statistic", "One-way ANOVA F statistic between regions (boards' own shares)", "", 3),
        number("df_between", "Degrees of freedom between regions", "", 0),
        number("df_within", "Degrees of freedom within regions", "", 0),
        number("p_value", "ANOVA p-value", "", 4))));
    files.add(new EesFile("funding_board_share", "funding_board_share", null, Levels.LOCAL_AUTHORITY, List.of(
        filter("contributor", "Contributor (Total = all the board's contributions)", "Contributor"),
        pounds("amount", "Money from this contributor, survey year", 0),
        pounds("board_total", "All the board's contributions", 0),
        percent("board_share_pct", "This contributor's share of the board's contributions"))));
    files.add(new EesFile("spend_per_child", "spend_per_child", null, Levels.LOCAL_AUTHORITY, List.of(
        filter("spend_basis", "Actual 2006-07 expenditure or planned 2007-08 spend (financial year)", "Spend"),
        pounds("spend", "Spend in the financial year", 0),
        count("children_under_18", "Children under 18 at mid-year (2006 for 2006-07, 2007 for 2007-08)")
            .missing("x"),
        pounds("spend_per_child", "Spend per child under 18", 2).missing("x"))));
    files.add(new EesFile("spend_summary", "spend_summary", null, Levels.REGIONAL, List.of(
        filter("spend_basis", "Actual 2006-07 expenditure or planned 2007-08 spend (financial year)", "Spend"),
        count("boards_answering", "Boards giving the amount (n)"),
        pounds("total_spend", "Total spend in the financial year", 0),
        count("boards_with_population", "Of those, boards whose under-18 population is known"),
        pounds("spend_per_child_pooled", "Their total spend per child under 18", 2).missing("x"),
        pounds("min_spend_per_child", "Lowest spend per child", 2).missing("x"),
        pounds("median_spend_per_child", "Median spend per child", 2).missing("x"),
        pounds("max_spend_per_child", "Highest spend per child", 2).missing("x"),
        count("boards_answering_both", "Boards giving both 2006-07 expenditure and the 2007-08 plan (n)"),
        count("boards_planning_same_or_less", "Boards planning to spend the same or less in 2007-08"),
        percent("pct_planning_same_or_less", "Percentage planning to spend the same or less"))));
    files.add(new EesFile("spend_extremes", "spend_extremes", null, Levels.LOCAL_AUTHORITY, List.of(
        filter("extreme", "Board with the smallest or largest 2006-07 expenditure", "Board"),
        filter("spend_basis", "Actual 2006-07 expenditure or planned 2007-08 spend (financial year)", "Spend"),
        pounds("spend", "Spend in the financial year", 0).missing("x"),
        count("children_under_18", "Children under 18 at mid-year").missing("x"),
        pounds("spend_per_child", "Spend per child under 18", 2).missing("x"))));
    files.add(answers("priorities", "priorities",
        "Priority: named among the board's top four, or ranked first (Table 3; 2007 survey)", false));
    files.add(answers("highest_costs", "highest_costs",
        "Highest cost item: named among the board's highest costs, or first (2007 survey)", false));
    files.add(answers("influence", "influence",
        "Lead member arrangement and chief executive contact (2007 survey)", true));
    files.add(answers("reviews", "reviews",
        "Child death overview panel; serious case reviews commissioned / completed, Table 4 bands (2007 survey)",
        false));
    return files;
  }

  /** A file of answer_share rows for one topic; the answer filter is grouped by its question. */
  private static EesFile answers(String name, String topic, String answerLabel, boolean byChairType) {
    List<EesColumn> columns = new ArrayList<>();
    if (byChairType) {
      columns.add(filter("chair_type", "Chair type of the board (Total = all boards)", "Chair type"));
    }
    columns.add(filter("answer", answerLabel + " (Total = boards answering)", "Answer", "question"));
    columns.add(count("boards", "Boards giving this answer"));
    columns.add(count("boards_answering", "Boards answering the question (n)"));
    columns.add(percent("pct", "Percentage of boards answering"));
    String rows = "topic = '" + topic + "'" + (byChairType ? "" : " AND chair_type = 'Total'");
    return new EesFile(name, "answer_share", rows, Levels.REGIONAL, columns);
  }
}
