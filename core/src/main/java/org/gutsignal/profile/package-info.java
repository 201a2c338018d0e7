/**
 * Signalling profiles: from a metagenome table to per-sample capacities of immunomodulatory
 * molecules.
 *
 * <p>{@link org.gutsignal.profile.MoleculeCatalog} lists the molecules (built-in: HMBPP, LPS,
 * butyrate, secondary bile acids, indole, TMA) with their KEGG KO markers, MetaCyc pathways,
 * aggregation rule and expected direction; {@link org.gutsignal.profile.TraitTable} says which
 * taxa make which molecule (built in, read from a file, or learned from a stratified HUMAnN
 * table); {@link org.gutsignal.profile.SignallingProfiler} turns a gene,
 * pathway or species table into a {@link org.gutsignal.profile.SignallingProfile} (capacities
 * plus coverage); {@link org.gutsignal.profile.BaselineScore} is a training-free
 * stimulatory-minus-inhibitory reference score.
 */
package org.gutsignal.profile;
