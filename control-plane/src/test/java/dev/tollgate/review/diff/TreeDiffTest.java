package dev.tollgate.review.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Lists compared as Envoy reads them: sets, keyed and ordered, keyed and unordered, positional. */
class TreeDiffTest {

  private static final TreeDiff ENVOY = new TreeDiff(EnvoyListRules::envoy);

  private static JsonNode json(String s) throws Exception {
    return new ObjectMapper().readTree(s.replace('\'', '"'));
  }

  @Test
  void endpointsAndDomainsAreSets() throws Exception {
    assertThat(ENVOY.diff(json("{'lb_endpoints':[{'a':1},{'a':2}],'domains':['x','y']}"),
        json("{'lb_endpoints':[{'a':2},{'a':1}],'domains':['y','x']}"))).isEmpty();
    assertThat(ENVOY.diff(json("{'domains':['x','y']}"), json("{'domains':['y','z']}")))
        .extracting(TreeDiff.Change::path, TreeDiff.Change::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("domains[-]", "removed"), org.assertj.core.groups.Tuple.tuple("domains[+]", "added"));
  }

  @Test
  void routesAreKeyedByNameAndTheirOrderMatters() throws Exception {
    var changes = ENVOY.diff(json("{'routes':[{'name':'a','x':1},{'name':'b'}]}"), json("{'routes':[{'name':'b'},{'name':'a','x':2}]}"));
    assertThat(changes).extracting(TreeDiff.Change::path, TreeDiff.Change::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("routes[a].x", "changed"), org.assertj.core.groups.Tuple.tuple("routes", "moved"));
  }

  @Test
  void aReorderingNamesOnlyTheRoutesThatMoved() throws Exception {
    // one route moved to the front of ten: the other nine kept their order and are not named
    StringBuilder before = new StringBuilder("{'routes':[");
    StringBuilder after = new StringBuilder("{'routes':[{'name':'r7'},");
    for (int i = 0; i < 10; i++) {
      before.append(i == 0 ? "" : ",").append("{'name':'r").append(i).append("'}");
      if (i != 7) {
        after.append(i == 0 ? "" : ",").append("{'name':'r").append(i).append("'}");
      }
    }
    var changes = ENVOY.diff(json(before + "]}"), json(after + "]}"));
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).kind()).isEqualTo("moved");
    assertThat(changes.get(0).before()).hasToString("{\"r7\":7}");
    assertThat(changes.get(0).after()).hasToString("{\"r7\":0}");
    // a reversal moves all but one
    var reversed = ENVOY.diff(json("{'routes':[{'name':'a'},{'name':'b'},{'name':'c'}]}"), json("{'routes':[{'name':'c'},{'name':'b'},{'name':'a'}]}"));
    assertThat(reversed.get(0).before().size()).isEqualTo(2);
  }

  @Test
  void virtualHostsAreKeyedButUnordered() throws Exception {
    assertThat(ENVOY.diff(json("{'virtual_hosts':[{'name':'a'},{'name':'b'}]}"), json("{'virtual_hosts':[{'name':'b'},{'name':'a'}]}"))).isEmpty();
  }

  @Test
  void otherListsArePositional() throws Exception {
    assertThat(ENVOY.diff(json("{'x':[1,2]}"), json("{'x':[2,1]}"))).hasSize(2);
  }
}
