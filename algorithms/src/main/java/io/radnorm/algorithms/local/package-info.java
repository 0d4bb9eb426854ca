/**
 * Local block adjustment (Yu et al. 2017, as spectralmatch implements it): block means per image
 * and for the collection on a grid over the canvas, interpolated at every pixel to move it from
 * its local towards the reference radiometry. Entry point:
 * {@link io.radnorm.algorithms.local.LocalBlockAdjustment}.
 */
package io.radnorm.algorithms.local;
