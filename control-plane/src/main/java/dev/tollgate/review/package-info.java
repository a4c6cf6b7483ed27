/**
 * Review tooling: reading generated Envoy configuration the way Envoy reads it ({@code envoy}),
 * what it does with one request and which protections each route has ({@code explain}), and what
 * a change to the input does to it ({@code diff}).
 */
package dev.tollgate.review;
