"""The seven lessons of the codex. Every meter change in the engine names one of them."""

RELATIONSHIP_BEFORE_LEVERAGE = "relationship-before-leverage"
CAUSED_COMMITMENT = "caused-commitment"
REDUCE_THEIR_RISK = "reduce-their-risk"
DO_YOUR_HOMEWORK = "do-your-homework"
HONEST_INTEREST = "honest-interest"
CLOSE_THE_LOOP = "close-the-loop"
REPUTATION_TRAVELS = "reputation-travels"

LESSONS: tuple[str, ...] = (
    RELATIONSHIP_BEFORE_LEVERAGE,
    CAUSED_COMMITMENT,
    REDUCE_THEIR_RISK,
    DO_YOUR_HOMEWORK,
    HONEST_INTEREST,
    CLOSE_THE_LOOP,
    REPUTATION_TRAVELS,
)
