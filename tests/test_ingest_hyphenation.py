import pytest

from casetagger.ingest.hyphenation import join_lines


@pytest.mark.parametrize(
    "previous, following, joined",
    [
        ("den bære-", "dygtige omstilling", "den bæredygtige omstilling"),
        ("borgere, der er uddannelses-", "eller erhvervsparate", "borgere, der er uddannelses- eller erhvervsparate"),
        ("Børne-", "og ungeområdet", "Børne- og ungeområdet"),
        ("Kultur-, fritids-", "og idrætsudvalget", "Kultur-, fritids- og idrætsudvalget"),
        ("en reduktion af CO2-", "udledningen", "en reduktion af CO2-udledningen"),
        ("tilskud fra EU-", "midler", "tilskud fra EU-midler"),
        ("samarbejde med Novo Nordisk-", "Fonden", "samarbejde med Novo Nordisk-Fonden"),
        ("prisen er 100 kr. -", "inklusive moms", "prisen er 100 kr. - inklusive moms"),
        ("ældre-", "samt sundhedsområdet", "ældre- samt sundhedsområdet"),
        ("rekrut\u00ad", "tering", "rekruttering"),
        ("en almindelig linje", "fortsætter her", "en almindelig linje fortsætter her"),
        ("", "første linje", "første linje"),
    ],
)
def test_hyphenation_join_lines(previous, following, joined):
    assert join_lines(previous, following) == joined
