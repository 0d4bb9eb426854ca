package io.radnorm.raster;

import java.io.Serializable;

/** The pixel size of a grid (an image or one of its overview levels). */
public record GridSize(int width, int height) implements Serializable {
    @Override
    public String toString() {
        return width + "x" + height;
    }
}
