package io.radnorm.raster.fs;

/**
 * Names each job output from {@code --output}, the way spectralmatch users expect: a template in
 * which {@code $} stands for the input's name without extension ({@code out/$_Global.tif}), or a
 * folder, into which the command's default template is applied ({@code out/} →
 * {@code out/<name>_Global.tif}). Works for any URI scheme.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * @param output           the user's {@code --output}: a template containing {@code $}, or a folder
     * @param inputName        the input's base name (no folder, no extension)
     * @param defaultTemplate  the command's file template, e.g. {@code "$_Global.tif"}
     */
    public static String resolve(String output, String inputName, String defaultTemplate) {
        if (output.contains("$")) {
            return output.replace("$", inputName);
        }
        String folder = output.endsWith("/") ? output : output + "/";
        return folder + defaultTemplate.replace("$", inputName);
    }
}
