/**
 * Per-pixel band expressions ({@code b1 > 100 & b2 < 50}): {@link io.radnorm.algorithms.expr.BandExpression}
 * parses and evaluates them; shared by every command that takes a condition or a formula on bands.
 */
package io.radnorm.algorithms.expr;
