/**
 * Streaming statistics of pixel values: count, mean and population standard deviation, computed
 * in one pass and merged across partitions without losing precision.
 */
package io.radnorm.algorithms.stats;
