package lscb.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws the 109 accepted 2006 returns: 100 of the 2007 respondents and 9 boards that did not
 * answer in 2007; 76 local authority, 2 other statutory and 31 independent chairs, 8 of them
 * council chief executives (Table 1, para 16). The rest is unconstrained but plausible.
 */
final class Plan2006 {
  static final List<String> CHIEF_EXECUTIVE = List.of("Chief Executive", "Chief Executive",
      "Council Chief Executive", "Chief Executive of the Council", "Chief executive, Borough Council");
  static final List<String> DIRECTOR = List.of("Director of Children's Services",
      "Director of Children's Services", "DCS", "Director of Children\u2019s Services",
      "Director of Children, Schools and Families", "Director of Children and Young People's Services",
      "Corporate Director of Children's Services", "DCS (interim)", "Director of Childrens Services");
  static final List<String> COUNCIL_OFFICER = List.of("Head of Safeguarding",
      "Assistant Director, Safeguarding", "Head of Children's Social Care",
      "Service Manager, Child Protection", "Deputy Director, Social Care & Health",
      "Head of \"Staying Safe\" Services");
  static final List<String> PARTNER_OFFICER = List.of("Chief Superintendent, Police",
      "Director of Public Health (PCT)");
  static final List<String> INDEPENDENT = List.of("Independent Chair", "Independent",
      "Independent consultant", "Independent chair (former Director of Social Services)", "");
  private static final Map<String, List<String>> REGIONS = Map.of(
      "E12000001", List.of("North East", "North East", "North-East"),
      "E12000002", List.of("North West", "North West", "NW"),
      "E12000003", List.of("Yorks & Humber", "Yorkshire and the Humber", "Yorkshire and the Humber"),
      "E12000004", List.of("East Midlands", "East Midlands", "E Midlands"),
      "E12000005", List.of("West Midlands", "West Midlands", "West Mids"),
      "E12000006", List.of("East", "East of England", "East of England"),
      "E12000007", List.of("London", "London", "London"),
      "E12000008", List.of("South East", "South East", "SE"),
      "E12000009", List.of("South West", "South West", "SW"));

  private Plan2006() {}

  /** The accepted returns in arrival order (Refs are set when the files are laid out). */
  static List<Return2006> draw(Register register, NameVariants names, Draw d) {
    List<Register.Board> responders = register.responders2007();
    List<Register.Board> others = register.boards().stream().filter(b -> !b.responded2007()).toList();
    List<Register.Board> chosen = new ArrayList<>(d.pickN(responders, 100));
    chosen.addAll(d.pickN(others, 9));
    List<Return2006> returns = new ArrayList<>();
    Draw cells = d.split();
    for (Register.Board board : d.shuffled(chosen)) {
      Return2006 r = new Return2006();
      r.boardCode = board.code();
      r.lscbName = names.written(board, cells, 0.45);
      r.region = cells.chance(0.03) ? "" : cells.pick(REGIONS.get(board.regionCode()));
      r.meetings = cells.chance(0.08) ? null : cells.pick(List.of(4, 4, 4, 5, 6, 6, 6, 6, 8, 10, 12));
      r.yos = answer(cells);
      r.connexions = answer(cells);
      r.cafcass = answer(cells);
      money(r, board, cells);
      returns.add(r);
    }
    chairs(returns, d.split());
    return returns;
  }

  private static void chairs(List<Return2006> returns, Draw d) {
    List<Return2006> order = d.shuffled(returns);
    for (int i = 0; i < order.size(); i++) {
      Return2006 r = order.get(i);
      if (i < 31) {
        r.chairType = "INDEPENDENT";
        r.chairTypeText = d.pick(List.of("Independent", "Independent", "Indep.", "Independent chair"));
        r.chairPostText = d.pick(INDEPENDENT);
      } else if (i < 33) {
        r.chairType = "OTHER_STATUTORY";
        r.chairTypeText = "Other statutory partner";
        r.chairPostText = PARTNER_OFFICER.get(i - 31);
      } else {
        r.chairType = "LOCAL_AUTHORITY";
        r.chairTypeText = d.pick(List.of("Local authority", "Local authority", "Local authority", "LA"));
        int la = i - 33;
        r.chairPostText = la < 8 ? d.pick(CHIEF_EXECUTIVE) : la < 48 ? d.pick(DIRECTOR)
            : la < 70 ? d.pick(COUNCIL_OFFICER) : "";
      }
    }
  }

  private static String answer(Draw d) {
    double roll = d.uniform(0, 1);
    return roll < 0.5 ? "Y" : roll < 0.86 ? "Yes" : roll < 0.91 ? "N" : roll < 0.96 ? "No" : "";
  }

  /** Budget and contributions (LA + PCT + police + other never above the budget). */
  private static void money(Return2006 r, Register.Board board, Draw d) {
    if (d.chance(0.05)) {
      return; // finance section left blank
    }
    double median = board.county() ? 90000 : 50000;
    long budget = Math.max(6000, Math.round(median * Math.exp(0.45 * d.gaussian()) / 1000) * 1000);
    if (d.chance(0.2)) {
      budget += d.between(1, 999);
    }
    r.budget = budget;
    long total = d.chance(0.65) ? budget : Math.round(budget * d.uniform(0.8, 0.98));
    r.pct = round500(total * d.uniform(0.15, 0.28));
    r.police = round500(total * d.uniform(0.05, 0.15));
    r.other = d.chance(0.4) ? null : d.chance(0.3) ? 0L : round500(total * d.uniform(0.01, 0.08));
    r.la = total - r.pct - r.police - (r.other == null ? 0 : r.other);
    if (d.chance(0.05)) {
      r.pct = null;
    }
    if (d.chance(0.05)) {
      r.police = null;
    }
    Long[] values = {r.budget, r.la, r.pct, r.police, r.other};
    for (int i = 0; i < values.length; i++) {
      r.moneyText[i] = currency(values[i], d);
    }
  }

  private static long round500(double pounds) {
    return Math.round(pounds / 500) * 500;
  }

  /** Currency as typed into the spreadsheet: £45,000, 45000, £45k, 45,000 (blank = not answered). */
  static String currency(Long pounds, Draw d) {
    if (pounds == null) {
      return "";
    }
    double roll = d.uniform(0, 1);
    String grouped = String.format(java.util.Locale.UK, "%,d", pounds);
    if (roll < 0.4) {
      return "\u00a3" + grouped;
    } else if (roll < 0.65) {
      return Long.toString(pounds);
    } else if (roll < 0.8 && pounds % 1000 == 0 && pounds > 0) {
      return "\u00a3" + pounds / 1000 + "k";
    }
    return grouped;
  }
}
