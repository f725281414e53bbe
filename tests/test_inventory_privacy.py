import pytest

from casetagger.inventory.privacy import mask


@pytest.mark.parametrize("text, masked", [
    ("Borgeren (CPR-nr. 120384-1234) har klaget.", "Borgeren (CPR-nr. [CPR-nr.]) har klaget."),
    ("cpr 1203841234 i journalen", "cpr [CPR-nr.] i journalen"),
    ("cpr 010100–4321", "cpr [CPR-nr.]"),
    ("Kontakt tlf. 39 57 50 00 eller +45 3957 5000 eller 39575000.", "Kontakt tlf. [telefon] eller [telefon] eller [telefon]."),
    ("Skriv til anne.marie.hansen@gladsaxe.dk i dag", "Skriv til [e-mail] i dag"),
    ("borgeren 010190 1234 fik svar", "borgeren [CPR-nr.] fik svar"),
    ("Tlf: 45 12 34 56 78 eller 12-34-56-78.", "Tlf: [telefon] eller [telefon]."),
])
def test_privacy_masks_identifiers(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize("text", [
    "Budget 2025-2028 på 12.345.678 kr.",          # year ranges and amounts
    "sagsnr. 00.01.00-A00-1-25 og j.nr. 2024-1234",  # case numbers
    "4.000 kubikmeter og 1.150 personer i 2024",
    "3102841234 er ikke en gyldig dato",              # 31 February, no dash: not a CPR number
    "i årene 2023 2024 og perioden 2025-2028",        # years side by side
    "mødet kl. 10.00 12.00 i salen",                   # times
    "Sagsnr. 20231234 er journaliseret",               # eight digits without a phone word
])
def test_privacy_leaves_numbers_that_are_not_identifiers(text):
    assert mask(text) == text


@pytest.mark.parametrize("shape", ["x" * 200_000, "a." * 100_000, "a@" * 100_000, ("x" * 999 + "@") * 200,
                                   "a@b." * 50_000, "tlf " + "1" * 200_000])
def test_privacy_long_word_does_not_take_quadratic_time(shape):
    """One 200,000-letter word once kept the e-mail pattern busy for minutes; now it is linear.

    The alarm is a hang guard, not a timing: the whole set takes well under a second."""
    import signal

    def hung(signum, frame):
        raise TimeoutError("masking a long word took over 20 s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        masked = mask(shape)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert masked == mask(masked)  # masking is idempotent, also on the long shapes


def test_privacy_email_masking_keeps_its_edges():
    assert mask("a.b@c.dk og x@y.org; @foo.dk; a@b") == "[e-mail] og [e-mail]; @foo.dk; a@b"
    assert mask("navn+tag@kommune.dk,kollega@kommune.dk") == "[e-mail],[e-mail]"


@pytest.mark.parametrize("text", [
    "Ring til vagten i Centralforvaltningen 11111111 eller 22222222",
    "Kontakt os på tlf. 11111111, 22222222 eller 33333333 i dagtimerne",
])
def test_privacy_masking_twice_changes_nothing(text):
    """A number masked just before a bare one is as good as a phone word: the first pass left
    "22222222" standing and a second pass masked it, so what a worker stored (masked once) held a
    phone number the outputs of the same text (masked twice) did not."""
    once = mask(text)
    assert "[telefon]" in once and not any(ch.isdigit() for ch in once)
    assert mask(once) == once
