package dev.tollgate.translator.gateway.route;

import dev.tollgate.translator.ir.ExtensionResourceIr;
import dev.tollgate.translator.ir.HeaderOpsIr;
import dev.tollgate.translator.ir.MirrorIr;
import dev.tollgate.translator.ir.RedirectIr;
import dev.tollgate.translator.ir.UrlRewriteIr;
import java.util.List;

/**
 * A rule's filters, translated.
 *
 * @param failed true when a filter could not be honoured (an unresolvable extensionRef): the rule
 *     must then answer with an error instead of skipping the filter
 * @param extensions objects of an extension's kinds named in {@code extensionRef} filters
 */
record RuleFilters(
    HeaderOpsIr requestHeaders,
    HeaderOpsIr responseHeaders,
    RedirectIr redirect,
    UrlRewriteIr urlRewrite,
    List<MirrorIr> mirrors,
    boolean failed,
    List<ExtensionResourceIr> extensions) {}
