package dev.tollgate.translator.admission.cel;

import static dev.tollgate.translator.admission.cel.CelEvaluation.assertCompileError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.assertEvaluationError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.eval;
import static dev.tollgate.translator.admission.cel.CelEvaluation.evalWithSelf;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.primitives.UnsignedLong;
import com.google.protobuf.util.Durations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListsLibraryTest {

  @Test
  void isSorted_documentedExamples() {
    assertThat(eval("[1, 2, 3].isSorted()")).isEqualTo(true);
    assertThat(eval("['a', 'b', 'b', 'c'].isSorted()")).isEqualTo(true);
    assertThat(eval("[2.0, 1.0].isSorted()")).isEqualTo(false);
    assertThat(eval("[1].isSorted()")).isEqualTo(true);
    assertThat(eval("[].isSorted()")).isEqualTo(true);
  }

  @Test
  void isSorted_otherComparableKinds() {
    assertThat(eval("[false, true].isSorted()")).isEqualTo(true);
    assertThat(eval("[b'a', b'b'].isSorted()")).isEqualTo(true);
    assertThat(eval("[duration('1s'), duration('1m')].isSorted()")).isEqualTo(true);
    assertThat(eval("[timestamp('2024-01-02T00:00:00Z'), timestamp('2024-01-01T00:00:00Z')].isSorted()"))
        .isEqualTo(false);
    assertThat(evalWithSelf("self.isSorted()", List.of(1L, 2.5, 3L))).isEqualTo(true);
    assertThat(evalWithSelf("self.isSorted()", List.of("\uffff", "\ud83d\ude00"))).isEqualTo(true);
  }

  @Test
  void isSorted_incomparableElements_isEvaluationError() {
    assertEvaluationError("[{'a': 1}, {'b': 2}].isSorted()");
  }

  @Test
  void sum_documentedExamples() {
    assertThat(eval("[1, 3].sum()")).isEqualTo(4L);
    assertThat(eval("[1.0, 3.0].sum()")).isEqualTo(4.0);
    assertThat(eval("[duration('1m'), duration('1s')].sum()")).isEqualTo(Durations.fromSeconds(61));
    assertThat(eval("[].sum()")).isEqualTo(0L);
    assertThat(eval("[1u, 2u].sum()")).isEqualTo(UnsignedLong.valueOf(3));
  }

  @Test
  void sum_weightsOfObjects_matchTheDocumentedRule() {
    Object items = List.of(Map.of("weight", 0.25), Map.of("weight", 0.75));
    assertThat(evalWithSelf("self.map(x, x.weight).sum() == 1.0", items)).isEqualTo(true);
  }

  @Test
  void sum_overflowOrMixedKinds_isEvaluationError() {
    assertEvaluationError("[9223372036854775807, 1].sum()").hasMessageContaining("overflow");
    assertEvaluationError("[18446744073709551615u, 1u].sum()").hasMessageContaining("overflow");
    assertEvaluationError("dyn([1, 2.0]).sum()");
    assertEvaluationError("['a'].sum()");
  }

  @Test
  void minAndMax_documentedExamples() {
    assertThat(eval("[1, 3].min()")).isEqualTo(1L);
    assertThat(eval("[1, 3].max()")).isEqualTo(3L);
    assertThat(eval("[1].min()")).isEqualTo(1L);
    assertThat(eval("['b', 'a', 'c'].max()")).isEqualTo("c");
    assertThat(evalWithSelf("([0] + self).min()", List.of())).isEqualTo(0L);
  }

  @Test
  void minAndMax_disjointPriorities_matchTheDocumentedRule() {
    Map<String, Object> self = Map.of(
        "low", List.of(Map.of("priority", 1L), Map.of("priority", 3L)),
        "high", List.of(Map.of("priority", 5L), Map.of("priority", 4L)));
    assertThat(evalWithSelf("self.low.map(x, x.priority).max() < self.high.map(x, x.priority).min()", self))
        .isEqualTo(true);
  }

  @Test
  void minAndMax_emptyList_isEvaluationError() {
    assertEvaluationError("[].min()").hasMessageContaining("min called on empty list");
    assertEvaluationError("[].max()").hasMessageContaining("max called on empty list");
  }

  @Test
  void indexOf_documentedExamples() {
    assertThat(eval("[1, 2, 2, 3].indexOf(2)")).isEqualTo(1L);
    assertThat(eval("['a', 'b', 'b', 'c'].lastIndexOf('b')")).isEqualTo(2L);
    assertThat(eval("[1.0].indexOf(1.1)")).isEqualTo(-1L);
    assertThat(eval("[].indexOf('string')")).isEqualTo(-1L);
    assertThat(evalWithSelf("self.indexOf('should-be-first') == 1", List.of("a", "should-be-first")))
        .isEqualTo(true);
  }

  @Test
  void indexOf_comparesNumbersByValueAndListsDeeply() {
    assertThat(evalWithSelf("self.indexOf(2.0)", List.of(1L, 2L))).isEqualTo(1L);
    assertThat(eval("[[1], [2]].indexOf([2])")).isEqualTo(1L);
    assertThat(eval("[{'a': 1}].indexOf({'a': 1})")).isEqualTo(0L);
  }

  @Test
  void indexOf_stringFunctionsStillWork() {
    assertThat(eval("'abcb'.indexOf('b')")).isEqualTo(1L);
    assertThat(eval("'abcb'.lastIndexOf('b')")).isEqualTo(3L);
    assertThat(evalWithSelf("self.indexOf('c')", "abc")).isEqualTo(2L);
  }

  @Test
  void indexOf_elementOfAnotherType_isCompileError() {
    assertCompileError("[1, 2].indexOf('a')");
  }
}
