package lscb.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Board names as respondents write them: case, spacing, punctuation, "&", "City of"/"the"
 * and the register's aliases. Only variants that the register's matching key resolves to the
 * intended board (and to no other) are ever used.
 */
final class NameVariants {
  /** Boards that are cities, so "City of ..." is a natural way to write them. */
  private static final Set<String> CITIES = Set.of("Bristol", "York", "Westminster", "Nottingham",
      "Derby", "Plymouth", "Portsmouth", "Southampton", "Peterborough", "Stoke-on-Trent",
      "Kingston upon Hull", "Sunderland", "Bradford", "Leeds", "Wakefield", "Sheffield", "Manchester",
      "Salford", "Liverpool", "Birmingham", "Coventry", "Wolverhampton", "Newcastle upon Tyne");
  private final Map<String, Set<String>> boardsByKey = new HashMap<>();
  private final Map<String, List<String>> aliasesByBoard = new HashMap<>();

  NameVariants(Register register) {
    register.boards().forEach(b -> index(b.name(), b.code()));
    register.councilNames().forEach(n -> index(n.name(), n.boardCode()));
    for (Register.Name alias : register.aliases()) {
      index(alias.name(), alias.boardCode());
      aliasesByBoard.computeIfAbsent(alias.boardCode(), k -> new ArrayList<>()).add(alias.name());
    }
  }

  /**
   * The matching key, written to agree with lscb.reference.NameKey: lower case, "&" as "and",
   * punctuation as spaces, "city of"/"county of" and "the" dropped, spaces collapsed.
   */
  static String key(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    key = key.replace("&", " and ");
    key = key.replaceAll("[^a-z0-9]+", " ");
    key = key.replaceAll("\\b(city|county) of\\b", " ");
    key = key.replaceAll("\\bthe\\b", " ");
    key = key.replaceAll("\\s+", " ");
    return key.trim();
  }

  /** The board a written name resolves to, or null when it matches none or several. */
  String resolve(String written) {
    Set<String> codes = boardsByKey.get(key(written));
    return codes != null && codes.size() == 1 ? codes.iterator().next() : null;
  }

  /** A name as a respondent might write it; untidy with probability {@code untidy}. */
  String written(Register.Board board, Draw draw, double untidy) {
    if (!draw.chance(untidy)) {
      return board.name();
    }
    List<String> candidates = new ArrayList<>();
    String name = board.name();
    candidates.add(name.replace(" and ", " & "));
    candidates.add(name.toUpperCase(Locale.ROOT));
    candidates.add(name.replace(" ", "  ") + " ");
    candidates.add(" " + name);
    candidates.add(name.replace("-", " ").replace(".", ""));
    candidates.add(name.replace(" upon ", "-upon-").replace(" on ", "-on-"));
    if (CITIES.contains(name)) {
      candidates.add("City of " + name);
    }
    if (name.startsWith("Isle") || name.startsWith("Wirral") || name.contains("Riding")) {
      candidates.add("The " + name);
    }
    candidates.add(name + ".");
    candidates.addAll(aliasesByBoard.getOrDefault(board.code(), List.of()));
    candidates.addAll(aliasesByBoard.getOrDefault(board.code(), List.of()));
    List<String> usable = new ArrayList<>();
    for (String candidate : candidates) {
      if (!candidate.equals(name) && board.code().equals(resolve(candidate))) {
        usable.add(candidate);
      }
    }
    return usable.isEmpty() ? name : draw.pick(usable);
  }

  private void index(String name, String code) {
    boardsByKey.computeIfAbsent(key(name), k -> new HashSet<>()).add(code);
  }

  /** Every distinct key the register knows, for checking that a deliberately bad name matches none. */
  Set<String> keys() {
    return new HashSet<>(boardsByKey.keySet());
  }
}
