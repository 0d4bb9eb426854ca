package io.radnorm.cli;

import io.radnorm.algorithms.bandmath.PercentileTerm;
import io.radnorm.raster.RasterInfo;
import io.radnorm.spark.SparkSessions;
import io.radnorm.spark.bandmath.BandMath;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code band-math}, {@code ndvi} and {@code threshold} share: inputs, output, the inputs'
 * nodata, COG encoding, and the run: a bad expression or setting is one line on stderr and exit 2
 * (before Spark starts); then the job, printing each image's percentiles and what it wrote.
 */
abstract class BandMathCommandBase implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "INPUTS",
            description = "Folder, glob, comma list or @list.txt of GeoTIFFs (local, s3a://, hdfs://).")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
            description = "Output folder, or a template where $ is the input name (in a folder: the command's "
                    + "default file name).")
    String output;

    @Option(names = "--nodata", paramLabel = "VALUE",
            description = "Nodata of every input (overrides the files' own GDAL_NODATA; 'nan' allowed).")
    String inputNodata;

    @Mixin
    CogEncodingOptions cog;

    /** The command's job settings; may throw {@link IllegalArgumentException} for bad usage. */
    abstract BandMath.Builder builder();

    @Override
    public Integer call() throws Exception {
        logging.apply();
        BandMath job;
        try {
            job = builder().input(input).output(output).inputNodata(GlobalOptions.nodata(inputNodata))
                    .cogOptions(cog.cogOptions()).build();
        } catch (IllegalArgumentException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("radnorm " + spec.name() + ": error: " + e.getMessage());
            err.flush();
            return RadnormCli.EXIT_USAGE;
        }
        List<BandMath.Output> outputs = job.run(SparkSessions.getOrCreate("radnorm " + spec.name()));
        PrintWriter out = spec.commandLine().getOut();
        for (BandMath.Output o : outputs) {
            if (!o.percentiles().isEmpty()) {
                out.println(RasterInfo.baseName(o.input()) + ": " + describe(o.percentiles()));
            }
            out.println("wrote " + o.output());
        }
        out.flush();
        return RadnormCli.EXIT_OK;
    }

    private static String describe(Map<PercentileTerm, Double> values) {
        return values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
    }
}
