package org.steadfast.bench;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The benchmark data generated at start ({@code steadfast.bench.*}, set by {@code bench/run}). */
@ConfigurationProperties("steadfast.bench")
public class BenchProperties {

	/** Generate (or reuse) the benchmark data at start. */
	private boolean generate = false;
	/** Size of the data relative to the standard benchmark community. */
	private double scale = 1.0;
	/** Seed of the generator: the same seed gives the same community. */
	private long seed = 20260101L;
	/** Usernames of the generated members start with this. */
	private String prefix = "reader";
	/** File the load script reads its addresses, sign-in names and figures from; empty: only logged. */
	private String report = "";
	/** Extra members with a due digest for the digest benchmark; 0: no digest benchmark. */
	private int digestMembers = 0;
	/** File whose appearance starts one digest measurement (required with digest-members). */
	private String digestTrigger;

	public boolean isGenerate() { return generate; }
	public void setGenerate(boolean v) { generate = v; }
	public double getScale() { return scale; }
	public void setScale(double v) { scale = v; }
	public long getSeed() { return seed; }
	public void setSeed(long v) { seed = v; }
	public String getPrefix() { return prefix; }
	public void setPrefix(String v) { prefix = v; }
	public String getReport() { return report; }
	public void setReport(String v) { report = v; }
	public int getDigestMembers() { return digestMembers; }
	public void setDigestMembers(int v) { digestMembers = v; }
	public String getDigestTrigger() { return digestTrigger; }
	public void setDigestTrigger(String v) { digestTrigger = v; }
}
