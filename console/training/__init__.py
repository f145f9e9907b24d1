"""Trainer mode: score a trainee's recorded call against the scenario's ``expected`` block.

The scorecard tells the trainee what was right and wrong in the terms a team lead uses:
contradictions spotted, actions right or missing or extra, NT$ over- or under-credited,
and how long it took. Attempts are kept in the demo journal so a trainer can report on a
whole session.
"""

from console.training.scoring import ActionVerdict, RecordedAction, Scorecard, score_attempt

__all__ = ["ActionVerdict", "RecordedAction", "Scorecard", "score_attempt"]
