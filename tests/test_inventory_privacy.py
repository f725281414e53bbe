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
