package org.gutsignal.cohort;

import java.util.OptionalDouble;

/**
 * What the numbers in a {@link FeatureTable} mean. A table keeps its unit so that a
 * percentage is never mistaken for a fraction: MetaPhlAn writes percent (a sample sums to
 * about 100), HUMAnN writes reads per kilobase unless renormalised, and the profiler writes
 * molecule capacities in the unit of the table it profiled.
 *
 * <p><b>Exact conversions.</b> {@link #FRACTION}, {@link #PERCENT} and {@link #CPM} are the same
 * relative abundance on three scales (parts per 1, per 100 and per million), so a value in one is
 * a value in another times a power of ten, whatever the sample: {@link #factorTo} gives that
 * factor and {@link #convert} applies it. These are relative-abundance scalings only. No other
 * pair converts exactly: {@link #RPK} to {@link #CPM} needs each sample's total (HUMAnN's
 * {@code humann_renorm_table}), and {@link #COUNTS}, {@link #CAPACITY} and {@link #TRANSFORMED}
 * convert to nothing but themselves.
 *
 * <pre>{@code
 * AbundanceUnit.PERCENT.factorTo(AbundanceUnit.FRACTION);   // OptionalDouble[0.01]
 * AbundanceUnit.PERCENT.convert(12.5, AbundanceUnit.FRACTION); // 0.125 (12.5 / 100)
 * AbundanceUnit.RPK.factorTo(AbundanceUnit.CPM);            // OptionalDouble.empty
 * }</pre>
 */
public enum AbundanceUnit {
    /** Raw read counts (non-negative, usually integers). */
    COUNTS(-1),
    /** Reads per kilobase, HUMAnN's default unit for gene families and pathways. */
    RPK(-1),
    /**
     * Copies per million, HUMAnN's renormalised unit (a sample's features sum to about 1e6; a
     * subset or sums of them, such as molecule capacities, keep the scale but not the total).
     */
    CPM(6),
    /** Relative abundance as a fraction (a sample sums to about 1). */
    FRACTION(0),
    /** Relative abundance in percent (a sample sums to about 100), MetaPhlAn's unit. */
    PERCENT(2),
    /**
     * Molecule capacities of unknown scale (arbitrary, non-negative), for example read from a file.
     * The signalling profiler instead keeps the unit of the table it profiled.
     */
    CAPACITY(-1),
    /** Values after a transform (log, CLR, standardisation): may be negative, no absolute unit. */
    TRANSFORMED(-1);

    /** Powers of ten that are exact doubles, 10^0 .. 10^6. */
    private static final double[] POWERS = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

    /** log10 of the parts per whole of a relative-abundance unit, or -1 if the unit is not one. */
    private final int partsPerWholeExponent;

    AbundanceUnit(int partsPerWholeExponent) {
        this.partsPerWholeExponent = partsPerWholeExponent;
    }

    /** Whether values in this unit must be non-negative abundances. */
    public boolean isAbundance() {
        return this != TRANSFORMED;
    }

    /**
     * The factor {@code f} with {@code value in target = value in this unit × f}, when the
     * conversion is exact for every sample: 1 for the same unit; 100 from FRACTION to PERCENT,
     * 1e6 from FRACTION to CPM, 1e4 from PERCENT to CPM, and the reciprocals (0.01, 1e-6, 1e-4,
     * the doubles nearest them) the other way.
     *
     * @return the factor, or empty if no exact conversion exists (see the class documentation)
     */
    public OptionalDouble factorTo(AbundanceUnit target) {
        int d = exponentTo(target);
        if (d == Integer.MIN_VALUE) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(d >= 0 ? POWERS[d] : 1 / POWERS[-d]);
    }

    /** Whether {@link #factorTo} has a factor: the same unit, or two relative-abundance scales. */
    public boolean convertsExactlyTo(AbundanceUnit target) {
        return exponentTo(target) != Integer.MIN_VALUE;
    }

    /**
     * A value in this unit expressed in {@code target}: multiplied by the power of ten when the
     * target's scale is finer, divided by it when coarser (so {@code 12.5 PERCENT} is
     * {@code 12.5 / 100}, not {@code 12.5 × 0.01}). Either is one correctly rounded operation by an
     * exactly representable power of ten, so the result is the double nearest the exact value.
     *
     * @throws IllegalArgumentException if the units do not convert exactly
     */
    public double convert(double value, AbundanceUnit target) {
        int d = exponentTo(target);
        if (d == Integer.MIN_VALUE) {
            throw new IllegalArgumentException(this + " does not convert exactly to " + target);
        }
        return d >= 0 ? value * POWERS[d] : value / POWERS[-d];
    }

    /** log10 of the factor to {@code target}, or {@code Integer.MIN_VALUE} if there is none. */
    private int exponentTo(AbundanceUnit target) {
        if (target == this) {
            return 0;
        }
        if (partsPerWholeExponent < 0 || target.partsPerWholeExponent < 0) {
            return Integer.MIN_VALUE;
        }
        return target.partsPerWholeExponent - partsPerWholeExponent;
    }
}
