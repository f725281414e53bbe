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
        # the word list decides: a compound written with its own hyphen stays, a break is joined
        ("borgere med hjerte-", "kar-sygdomme og", "borgere med hjerte-kar-sygdomme og"),
        ("borgere med lænde-", "ryglidelser, som", "borgere med lænde-ryglidelser, som"),
        ("Et lokalfor-", "slag fra", "Et lokalforslag fra"),
        ("et nyt lærings-", "center", "et nyt læringscenter"),
        ("en spørgeskema-", "undersøgelse", "en spørgeskemaundersøgelse"),
        ("den bære-", "dygtige", "den bæredygtige"),
    ],
)
def test_hyphenation_join_lines(previous, following, joined):
    assert join_lines(previous, following) == joined
