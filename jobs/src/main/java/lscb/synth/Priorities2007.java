package lscb.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table 3 and para 45: how many boards name each priority in their top four. The ten listed
 * priorities get the published shares; every other one stays below 15% (looked-after children and
 * private fostering below 5%, hidden children below 2%), so many boards list fewer than four.
 */
final class Priorities2007 {
  private Priorities2007() {}

  static void draw(List<Return2007> returns, Draw d) {
    List<Return2007> order = d.shuffled(returns);
    order.get(0).priorities = null; // one board left the question blank
    List<Return2007> answering = order.subList(1, order.size());
    int n = answering.size();
    Map<String, Integer> demand = new LinkedHashMap<>();
    int[] table3 = {47, 31, 28, 26, 26, 25, 23, 20, 18, 15};
    for (int i = 0; i < table3.length; i++) {
      demand.put(Codes.PRIORITIES.get(i), Draw.countFor(table3[i], n));
    }
    int below15 = (int) Math.ceil(0.15 * n) - 1;
    demand.put("LOOKED_AFTER_CHILDREN", d.between(2, (int) Math.ceil(0.05 * n) - 1));
    demand.put("PRIVATE_FOSTERING", d.between(1, (int) Math.ceil(0.05 * n) - 1));
    demand.put("SUBSTANCE_MISUSE", d.between(6, below15 - 2));
    demand.put("SEXUAL_EXPLOITATION", d.between(5, below15 - 3));
    demand.put("GANGS_AND_VIOLENCE", d.between(3, 9));
    demand.put("HIDDEN_CHILDREN", d.between(1, (int) Math.ceil(0.02 * n) - 1));
    demand.put("PARTICIPATION", d.between(4, 10));
    demand.put("OTHER", d.between(4, 10));
    int mentions = demand.values().stream().mapToInt(Integer::intValue).sum();
    int[] capacity = new int[n];
    java.util.Arrays.fill(capacity, 4);
    for (int excess = 4 * n - mentions; excess > 0; ) {
      int b = d.between(0, n - 1);
      if (capacity[b] > 1) {
        capacity[b]--;
        excess--;
      }
    }
    List<List<String>> lists = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      lists.add(new ArrayList<>());
    }
    List<Map.Entry<String, Integer>> byDemand = new ArrayList<>(demand.entrySet());
    byDemand.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    for (Map.Entry<String, Integer> priority : byDemand) {
      // Greedy by most remaining room (random tie-break): always completes when a fit exists.
      List<Integer> boards = new ArrayList<>();
      for (int b : d.shuffled(range(n))) {
        if (capacity[b] > 0) {
          boards.add(b);
        }
      }
      boards.sort(Comparator.comparingInt((Integer b) -> -capacity[b]));
      if (boards.size() < priority.getValue()) {
        throw new IllegalStateException("cannot place priority " + priority.getKey());
      }
      for (int b : boards.subList(0, priority.getValue())) {
        lists.get(b).add(priority.getKey());
        capacity[b]--;
      }
    }
    for (int b = 0; b < n; b++) {
      List<String> list = lists.get(b);
      Map<String, Double> rank = new LinkedHashMap<>();
      for (String p : list) {
        rank.put(p, Codes.PRIORITIES.indexOf(p) + 6 * d.uniform(0, 1));
      }
      list.sort(Comparator.comparingDouble(rank::get));
      answering.get(b).priorities = list;
    }
  }

  private static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }
}
