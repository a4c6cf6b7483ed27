package dev.tollgate.translator.xds.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerRouteFiltersTest {

  @Test
  void aPolicysParts_keepTheirOrder_pastNine() {
    List<String> names = new ArrayList<>(List.of("f/p/lua/10", "f/p/lua/2", "f/p/lua/0", "f/o/lua/1", "f/p/lua/1"));
    names.sort(PerRouteFilters::compareNames);
    assertThat(names).containsExactly("f/o/lua/1", "f/p/lua/0", "f/p/lua/1", "f/p/lua/2", "f/p/lua/10");
  }
}
