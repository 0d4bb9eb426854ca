/**
 * Global radiometric regression (Yu et al. 2017, as spectralmatch implements it): one gain and
 * offset per image and band, chosen so that overlapping images agree in mean and standard
 * deviation while the collection keeps its central tendency. Entry point:
 * {@link io.radnorm.algorithms.global.GlobalRegression}.
 */
package io.radnorm.algorithms.global;
