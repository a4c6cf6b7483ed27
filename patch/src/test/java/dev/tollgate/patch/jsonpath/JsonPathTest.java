package dev.tollgate.patch.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The examples of RFC 9535, with their results written as JSON Pointers. */
class JsonPathTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String BOOKSTORE = """
      { "store": {
          "book": [
            { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
            { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
            { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
            { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
          ],
          "bicycle": { "color": "red", "price": 399 } } }""";

  private static final String FILTERS = """
      { "a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}],
        "o": {"p": 1, "q": 2, "r": 3, "s": 5, "t": {"u": 6}},
        "e": "f" }""";

  private static String[] select(String document, String query) throws Exception {
    JsonNode root = JSON.readTree(document);
    return JsonPath.compile(query).select(root).toArray(String[]::new);
  }

  @Test
  void overviewExamples_onTheBookstore() throws Exception {
    assertThat(select(BOOKSTORE, "$.store.book[*].author"))
        .containsExactly("/store/book/0/author", "/store/book/1/author", "/store/book/2/author", "/store/book/3/author");
    assertThat(select(BOOKSTORE, "$..author")).hasSize(4);
    assertThat(select(BOOKSTORE, "$.store.*")).containsExactly("/store/book", "/store/bicycle");
    assertThat(select(BOOKSTORE, "$.store..price")).containsExactly(
        "/store/book/0/price", "/store/book/1/price", "/store/book/2/price", "/store/book/3/price", "/store/bicycle/price");
    assertThat(select(BOOKSTORE, "$..book[2]")).containsExactly("/store/book/2");
    assertThat(select(BOOKSTORE, "$..book[2].author")).containsExactly("/store/book/2/author");
    assertThat(select(BOOKSTORE, "$..book[2].publisher")).isEmpty();
    assertThat(select(BOOKSTORE, "$..book[-1]")).containsExactly("/store/book/3");
    assertThat(select(BOOKSTORE, "$..book[0,1]")).containsExactly("/store/book/0", "/store/book/1");
    assertThat(select(BOOKSTORE, "$..book[:2]")).containsExactly("/store/book/0", "/store/book/1");
    assertThat(select(BOOKSTORE, "$..book[?@.isbn]")).containsExactly("/store/book/2", "/store/book/3");
    assertThat(select(BOOKSTORE, "$..book[?@.price<10]")).containsExactly("/store/book/0", "/store/book/2");
    assertThat(select(BOOKSTORE, "$..*")).hasSize(27);
  }

  @Test
  void slices_withDefaultsAndNegativeSteps() throws Exception {
    String letters = "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\"]";
    assertThat(select(letters, "$[1:3]")).containsExactly("/1", "/2");
    assertThat(select(letters, "$[5:]")).containsExactly("/5", "/6");
    assertThat(select(letters, "$[1:5:2]")).containsExactly("/1", "/3");
    assertThat(select(letters, "$[5:1:-2]")).containsExactly("/5", "/3");
    assertThat(select(letters, "$[::-1]")).containsExactly("/6", "/5", "/4", "/3", "/2", "/1", "/0");
    assertThat(select(letters, "$[-2:]")).containsExactly("/5", "/6");
  }

  @Test
  void filterExamples_comparisonsLogicAndExistence() throws Exception {
    assertThat(select(FILTERS, "$.a[?@.b == 'kilo']")).containsExactly("/a/9");
    assertThat(select(FILTERS, "$.a[?(@.b == 'kilo')]")).containsExactly("/a/9");
    assertThat(select(FILTERS, "$.a[?@>3.5]")).containsExactly("/a/1", "/a/4", "/a/5");
    assertThat(select(FILTERS, "$.a[?@.b]")).containsExactly("/a/6", "/a/7", "/a/8", "/a/9");
    assertThat(select(FILTERS, "$[?@.*]")).containsExactly("/a", "/o");
    assertThat(select(FILTERS, "$[?@[?@.b]]")).containsExactly("/a");
    assertThat(select(FILTERS, "$.o[?@<3, ?@<3]")).containsExactly("/o/p", "/o/q", "/o/p", "/o/q");
    assertThat(select(FILTERS, "$.a[?@<2 || @.b == \"k\"]")).containsExactly("/a/2", "/a/7");
    assertThat(select(FILTERS, "$.o[?@>1 && @<4]")).containsExactly("/o/q", "/o/r");
    assertThat(select(FILTERS, "$.o[?@.u || @.x]")).containsExactly("/o/t");
    assertThat(select(FILTERS, "$.a[?@.b == $.x]")).containsExactly("/a/0", "/a/1", "/a/2", "/a/3", "/a/4", "/a/5");
    assertThat(select(FILTERS, "$.a[?@ == @]")).hasSize(10);
    assertThat(select(FILTERS, "$.a[?!@.b]")).hasSize(6);
  }

  @Test
  void functions_matchSearchLengthCountValue() throws Exception {
    assertThat(select(FILTERS, "$.a[?match(@.b, \"[jk]\")]")).containsExactly("/a/6", "/a/7");
    assertThat(select(FILTERS, "$.a[?search(@.b, \"[jk]\")]")).containsExactly("/a/6", "/a/7", "/a/9");
    assertThat(select(FILTERS, "$.a[?length(@.b) >= 2]")).containsExactly("/a/9");
    assertThat(select(FILTERS, "$[?count(@.*) > 5]")).containsExactly("/a");
    assertThat(select(FILTERS, "$.o[?value(@.u) == 6]")).containsExactly("/o/t");
  }

  @Test
  void envoyGatewayStyle_withoutTheDollar_selectsVirtualHostsByName() throws Exception {
    String routes = """
        {"name": "default/eg/http", "virtual_hosts": [
          {"name": "default/eg/http/www_example_com", "domains": ["www.example.com"]},
          {"name": "default/eg/http/api_example_com", "domains": ["api.example.com"]},
          {"name": "default/eg/http/www2_www_example_com", "domains": ["www2.www.example.com"]}]}""";
    assertThat(select(routes, "..virtual_hosts[?match(@.name, '.*www_example_com')]"))
        .containsExactly("/virtual_hosts/0", "/virtual_hosts/2");
    assertThat(select(routes, "$.virtual_hosts[?@.name == 'nope']")).isEmpty();
    assertThat(select("{\"a/b\": {\"c~d\": 1}}", "$['a/b']['c~d']")).containsExactly("/a~1b/c~0d");
  }

  @Test
  void invalidQueries_sayWhereAndWhy() {
    assertThatThrownBy(() -> JsonPath.compile("$.a[?@.b ==]")).isInstanceOf(JsonPathException.class)
        .hasMessageContaining("position");
    assertThatThrownBy(() -> JsonPath.compile("$.a[?nope(@)]")).hasMessageContaining("unknown function nope()");
    assertThatThrownBy(() -> JsonPath.compile("$.a[?@.* == 1]")).hasMessageContaining("singular");
    assertThatThrownBy(() -> JsonPath.compile("$.a[?length(@)]")).hasMessageContaining("cannot stand alone");
    assertThatThrownBy(() -> JsonPath.compile("$.a[")).isInstanceOf(JsonPathException.class);
  }
}
