"""The synthetic population: many plausible Taiwanese customers for demos, load and benchmarks.

``agent-console seed`` fills a customer store with customers ``S0000001``... whose numbers,
services, contracts, bills, notices and usage look like a real operator's, with a few
percent carrying one of the complaint patterns the rules engine must find. Everything is a
function of the seed, so a bug seen on one population can be reproduced on another machine.
"""

from console.seed.patterns import PATTERNS
from console.seed.population import PopulationExists, SeedOptions, SeedReport, seed_population

__all__ = ["PATTERNS", "PopulationExists", "SeedOptions", "SeedReport", "seed_population"]
