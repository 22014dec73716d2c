package lscb.synth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The board register read as plain rows (no Spark): boards, council names and aliases. */
record Register(List<Board> boards, List<Name> councilNames, List<Name> aliases) {

  /** A board of the register. */
  record Board(String code, String name, String regionCode, String regionName, List<String> councils,
      boolean responded2007) {
    /** A county board: one of its councils is a shire county (E10), so it has district councils. */
    boolean county() {
      return councils.stream().anyMatch(c -> c.startsWith("E10"));
    }
  }

  /** Another name that resolves to a board. */
  record Name(String name, String boardCode) {}

  /** Reads boards.csv, councils.csv and board_aliases.csv from the reference folder. */
  static Register load(String referenceRoot) {
    String root = referenceRoot.endsWith("/") ? referenceRoot : referenceRoot + "/";
    List<Board> boards = new ArrayList<>();
    for (List<String> f : Csv.rows(RawFiles.read(root + "boards.csv", StandardCharsets.UTF_8))) {
      boards.add(new Board(f.get(0), f.get(1), f.get(2), f.get(3), List.of(f.get(4).split(";")),
          Boolean.parseBoolean(f.get(5))));
    }
    List<Name> councils = new ArrayList<>();
    for (List<String> f : Csv.rows(RawFiles.read(root + "councils.csv", StandardCharsets.UTF_8))) {
      councils.add(new Name(f.get(1), f.get(6)));
    }
    List<Name> aliases = new ArrayList<>();
    for (List<String> f : Csv.rows(RawFiles.read(root + "board_aliases.csv", StandardCharsets.UTF_8))) {
      aliases.add(new Name(f.get(0), f.get(1)));
    }
    boards.sort((a, b) -> a.code().compareTo(b.code()));
    return new Register(List.copyOf(boards), List.copyOf(councils), List.copyOf(aliases));
  }

  /** The board with this code. */
  Board board(String code) {
    return boards.stream().filter(b -> b.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no board " + code + " in the register"));
  }

  /** The 118 boards of the report's Appendix 1, in code order. */
  List<Board> responders2007() {
    return boards.stream().filter(Board::responded2007).toList();
  }
}
