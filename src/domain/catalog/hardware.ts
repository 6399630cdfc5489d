// The hardware the reseller sells, as typed data: accelerators, memory pools, links, power and
// the bill of materials. Figures from sizing-facts.md §4 unless a line says otherwise.
import type { ComputePrecision } from "./formats";

export type Tier = "prototype" | "development" | "production" | "multi-agent" | "enterprise";
export const TIERS: readonly Tier[] = ["prototype", "development", "production", "multi-agent", "enterprise"];

export interface Accelerator {
  id: string;
  name: string;
  memoryBytes: number;
  bandwidthBytesPerSecond: number;
  /** Dense (no sparsity) tensor throughput per precision, FLOP/s; absent = not native. */
  denseFlops: Partial<Record<ComputePrecision, number>>;
  /** Unified memory shared with the CPU and OS (GB10), versus dedicated GPU memory. */
  unified: boolean;
  powerWatts: number;
  source: string;
}

export interface Link {
  name: string;
  bandwidthBytesPerSecond: number;
  /** Latency of one small collective (all-reduce) or one pipeline hop, seconds. */
  latencySeconds: number;
  source: string;
}

/** Memory beside the GPUs in one unit: coherent tiered memory (WS300) or host RAM for expert offload. */
export interface ExtraPool {
  name: string;
  role: "tiered" | "offload";
  bytes: number;
  /** Bandwidth the GPUs get when reading this pool, bytes/s (measured-class, not rated, for host RAM). */
  bandwidthBytesPerSecond: number;
  /** Kept for the OS and services, bytes. */
  reservedBytes: number;
  source: string;
}

export interface SystemSpec {
  id: string;
  tier: Tier;
  name: string;
  accelerator: Accelerator;
  gpusPerUnit: number;
  /** For unified-memory units: memory kept for the OS, desktop and CUDA context, bytes. */
  unifiedReservedBytes: number;
  extraPools: readonly ExtraPool[];
  /** Between the GPUs of one unit (tensor parallel all-reduces). */
  intraUnitLink: Link | null;
  /** Between units (pipeline hops). */
  interUnitLink: Link | null;
  maxUnits: number;
  /** Rack server with remote management and redundant power: fit for a production service. */
  rackServer: boolean;
  /** Host power beyond the accelerators, per unit, watts. */
  hostPowerWatts: number;
  /** Data-centre overhead (PUE) applies to its energy. */
  inDataCentre: boolean;
  /** Bill of materials per unit: SKUs of the price list. */
  bom: readonly { sku: string; quantity: number }[];
  /** Extra lines for a multi-unit setup, per unit beyond the first. */
  bomPerExtraUnit: readonly { sku: string; quantity: number }[];
  /** Marketing text per language. */
  summary: { pl: string; en: string };
}

const GB = 1e9;
const TB = 1e12;
const TFLOPS = 1e12;

/**
 * Blackwell and Hopper tensor cores double their rate with each halving of precision, and
 * 2:4 sparsity doubles it again: dense = sparse / 2. Vendor "PFLOPS" headlines are sparse.
 */
const fromSparseFp4 = (sparseFp4: number) => ({
  fp4: sparseFp4 / 2,
  fp8: sparseFp4 / 4,
  bf16: sparseFp4 / 8,
});

export const ACCELERATORS = {
  gb10: {
    id: "gb10",
    name: "NVIDIA GB10 (DGX Spark class)",
    memoryBytes: 128 * GB,
    bandwidthBytesPerSecond: 273 * GB,
    denseFlops: fromSparseFp4(1_000 * TFLOPS),
    unified: true,
    powerWatts: 140,
    source: "NVIDIA DGX Spark spec: 128 GB LPDDR5X, 273 GB/s, 1 PFLOP FP4 sparse, GB10 140 W (sizing-facts §4)",
  },
  gb300: {
    id: "gb300",
    name: "NVIDIA GB300 Blackwell Ultra (DGX Station class)",
    memoryBytes: 252 * GB,
    bandwidthBytesPerSecond: 7.1 * TB,
    denseFlops: fromSparseFp4(20_000 * TFLOPS),
    unified: false,
    powerWatts: 1_600,
    source: "DGX Station GB300 as shipped: 252 GB HBM3e (seed: 279 GB), 7.1 TB/s, 20 PFLOPS FP4 sparse (sizing-facts §4)",
  },
  h200nvl: {
    id: "h200nvl",
    name: "NVIDIA H200 NVL 141 GB",
    memoryBytes: 141 * GB,
    bandwidthBytesPerSecond: 4.8 * TB,
    // Hopper has no FP4: FP4 checkpoints cannot run natively.
    denseFlops: { fp8: (3_341 * TFLOPS) / 2, bf16: (1_671 * TFLOPS) / 2 },
    unified: false,
    powerWatts: 600,
    source: "NVIDIA H200 NVL datasheet: 141 GB HBM3e, 4.8 TB/s, FP8 3,341 / BF16 1,671 TFLOPS sparse, 600 W (sizing-facts §4)",
  },
  rtxpro6000: {
    id: "rtxpro6000",
    name: "NVIDIA RTX PRO 6000 Blackwell Server Edition 96 GB",
    memoryBytes: 96 * GB,
    bandwidthBytesPerSecond: 1_597 * GB,
    // Datasheet FP8 2 PF / BF16 1 PF, sparsity not labelled: read as sparse (the conservative choice).
    denseFlops: { fp4: 2_000 * TFLOPS, fp8: 1_000 * TFLOPS, bf16: 500 * TFLOPS },
    unified: false,
    powerWatts: 600,
    source: "NVIDIA RTX PRO 6000 Blackwell Server Edition datasheet: 96 GB GDDR7, 1,597 GB/s, 600 W (sizing-facts §4)",
  },
} as const satisfies Record<string, Accelerator>;

/** Measured / rated host RAM bandwidth: STREAM 84.9 GB/s on 8-channel DDR4-3200 (204.8 GB/s rated), sizing-facts §5. */
export const HOST_RAM_MEASURED_FRACTION = 84.9 / 204.8;
/** One Xeon 6 socket: 8 channels of DDR5-6400 × 8 bytes (Intel Xeon 6700P spec). */
const XEON6_SOCKET_RATED_BYTES_PER_SECOND = 8 * 6_400e6 * 8;

export const LINKS = {
  nvlinkBridge: {
    name: "NVLink bridge (H200 NVL, 4-way)",
    bandwidthBytesPerSecond: 900 * GB,
    latencySeconds: 10e-6,
    source: "900 GB/s NVLink bridge (sizing-facts §4); 10 µs all-reduce latency is a Sizewise assumption",
  },
  pcie5: {
    name: "PCIe Gen5 x16 (no NVLink)",
    bandwidthBytesPerSecond: 64 * GB,
    latencySeconds: 50e-6,
    source: "PCIe 5.0 x16 64 GB/s; 50 µs all-reduce latency calibrated on 4x RTX PRO 6000 (sizing-facts §5)",
  },
  connectx7: {
    name: "ConnectX-7 200 Gb/s (EdgeXpert pair)",
    bandwidthBytesPerSecond: 25 * GB,
    latencySeconds: 200e-6,
    source: "DGX Spark ConnectX-7 200 GbE; 200 µs per pipeline hop is a Sizewise estimate for RPC over TCP",
  },
  spectrumX: {
    name: "Spectrum-X 400 Gb/s Ethernet between servers",
    bandwidthBytesPerSecond: 50 * GB,
    latencySeconds: 50e-6,
    source: "NVIDIA Spectrum-X 400 GbE per GPU; 50 µs per pipeline hop is a Sizewise estimate",
  },
} as const satisfies Record<string, Link>;

const hostRam = (sockets: number, bytes: number): ExtraPool => ({
  name: `DDR5 system RAM (${sockets} socket${sockets > 1 ? "s" : ""})`,
  role: "offload",
  bytes,
  bandwidthBytesPerSecond: sockets * XEON6_SOCKET_RATED_BYTES_PER_SECOND * HOST_RAM_MEASURED_FRACTION,
  reservedBytes: 32 * GB,
  source: "Xeon 6 DDR5-6400, 8 channels per socket, at the measured/rated fraction of sizing-facts §5; 32 GB for the OS",
});

const serverBase = {
  unifiedReservedBytes: 0,
  interUnitLink: LINKS.spectrumX,
  maxUnits: 32,
  rackServer: true,
  inDataCentre: true,
  bomPerExtraUnit: [{ sku: "CLUSTER-NET-PORT", quantity: 1 }],
} as const;

export const SYSTEMS: readonly SystemSpec[] = [
  {
    id: "edgexpert",
    tier: "prototype",
    name: "MSI EdgeXpert MS-C931",
    accelerator: ACCELERATORS.gb10,
    gpusPerUnit: 1,
    unifiedReservedBytes: 8 * GB,
    extraPools: [],
    intraUnitLink: null,
    interUnitLink: LINKS.connectx7,
    // NVIDIA supports clustering two DGX Spark units over ConnectX-7; more needs a switch and is not sold here.
    maxUnits: 2,
    rackServer: false,
    hostPowerWatts: 0,
    inDataCentre: false,
    bom: [{ sku: "MSI-EDGEXPERT", quantity: 1 }],
    bomPerExtraUnit: [{ sku: "QSFP-DAC-200G", quantity: 1 }],
    summary: {
      pl: "miniaturowy komputer AI z NVIDIA GB10 i 128 GB pamięci zunifikowanej",
      en: "a palm-sized AI computer with NVIDIA GB10 and 128 GB of unified memory",
    },
  },
  {
    id: "ws300",
    tier: "development",
    name: "MSI XpertStation WS300",
    accelerator: ACCELERATORS.gb300,
    gpusPerUnit: 1,
    unifiedReservedBytes: 0,
    extraPools: [
      {
        name: "LPDDR5X (Grace, coherent over NVLink-C2C)",
        role: "tiered",
        bytes: 496 * GB,
        bandwidthBytesPerSecond: 396 * GB,
        reservedBytes: 16 * GB,
        source: "DGX Station GB300: 496 GB LPDDR5X at 396 GB/s (sizing-facts §4); 16 GB for the OS is a Sizewise estimate",
      },
    ],
    intraUnitLink: null,
    interUnitLink: null,
    maxUnits: 1,
    rackServer: false,
    hostPowerWatts: 0,
    inDataCentre: false,
    bom: [{ sku: "MSI-WS300", quantity: 1 }],
    bomPerExtraUnit: [],
    summary: {
      pl: "stacja robocza z NVIDIA GB300: 252 GB HBM3e i 496 GB LPDDR5X w jednej spójnej przestrzeni",
      en: "a deskside workstation with NVIDIA GB300: 252 GB HBM3e and 496 GB LPDDR5X in one coherent space",
    },
  },
  {
    ...serverBase,
    id: "cg290-rtxpro6000x4",
    tier: "production",
    name: "MSI CG290-S3063, 4x RTX PRO 6000",
    accelerator: ACCELERATORS.rtxpro6000,
    gpusPerUnit: 4,
    extraPools: [hostRam(1, 512 * GB)],
    intraUnitLink: LINKS.pcie5,
    hostPowerWatts: 800,
    bom: [
      { sku: "MSI-CG290-BASE", quantity: 1 },
      { sku: "NVIDIA-RTX-PRO-6000-SE", quantity: 4 },
    ],
    summary: {
      pl: "serwer 2U z czterema kartami RTX PRO 6000 (384 GB GDDR7)",
      en: "a 2U server with four RTX PRO 6000 cards (384 GB GDDR7)",
    },
  },
  {
    ...serverBase,
    id: "cg290-h200x4",
    tier: "production",
    name: "MSI CG290-S3063, 4x H200 NVL",
    accelerator: ACCELERATORS.h200nvl,
    gpusPerUnit: 4,
    extraPools: [hostRam(1, 512 * GB)],
    intraUnitLink: LINKS.nvlinkBridge,
    hostPowerWatts: 800,
    bom: [
      { sku: "MSI-CG290-BASE", quantity: 1 },
      { sku: "NVIDIA-H200-NVL", quantity: 4 },
      { sku: "NVLINK-BRIDGE-4W", quantity: 1 },
    ],
    summary: {
      pl: "serwer 2U z czterema kartami H200 NVL połączonymi NVLink (564 GB HBM3e)",
      en: "a 2U server with four NVLink-bridged H200 NVL cards (564 GB HBM3e)",
    },
  },
  {
    ...serverBase,
    id: "cg480-rtxpro6000x8",
    tier: "multi-agent",
    name: "MSI CG480-S5063, 8x RTX PRO 6000",
    accelerator: ACCELERATORS.rtxpro6000,
    gpusPerUnit: 8,
    extraPools: [hostRam(2, 1_024 * GB)],
    intraUnitLink: LINKS.pcie5,
    hostPowerWatts: 1_200,
    bom: [
      { sku: "MSI-CG480-BASE", quantity: 1 },
      { sku: "NVIDIA-RTX-PRO-6000-SE", quantity: 8 },
    ],
    summary: {
      pl: "serwer 4U z ośmioma kartami RTX PRO 6000 (768 GB GDDR7)",
      en: "a 4U server with eight RTX PRO 6000 cards (768 GB GDDR7)",
    },
  },
  {
    ...serverBase,
    id: "cg480-h200x8",
    tier: "multi-agent",
    name: "MSI CG480-S5063, 8x H200 NVL",
    accelerator: ACCELERATORS.h200nvl,
    gpusPerUnit: 8,
    extraPools: [hostRam(2, 1_024 * GB)],
    // Two 4-way NVLink domains: an 8-way all-reduce crosses PCIe, so PCIe latency sets the floor.
    intraUnitLink: LINKS.pcie5,
    hostPowerWatts: 1_200,
    bom: [
      { sku: "MSI-CG480-BASE", quantity: 1 },
      { sku: "NVIDIA-H200-NVL", quantity: 8 },
      { sku: "NVLINK-BRIDGE-4W", quantity: 2 },
    ],
    summary: {
      pl: "serwer 4U z ośmioma kartami H200 NVL (1 128 GB HBM3e)",
      en: "a 4U server with eight H200 NVL cards (1,128 GB HBM3e)",
    },
  },
];
