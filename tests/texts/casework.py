"""An action plan for the run and review tests: a named case, personal data to mask, and text
that would run as a formula or a script if it were not escaped."""

from pdfgen import Heading, Paragraph

CASEWORK = [
    Heading("Handleplan for udsatte borgere 2025", 1),
    Heading("Boligsocial indsats i Værebro Park", 2),
    Paragraph("Indsatsen Tryg Hverdag i Værebro Park giver udsatte familier en fast kontaktperson og hjælp til "
              "bolig, job og skolegang. Sammen med boligselskabet og frivillige fra Røde Kors har 64 familier fået "
              "støtte i 2025, og antallet af udsættelser er halveret i forhold til året før."),
    Paragraph("Sagsbehandler Mette Holm kan kontaktes på tlf. 39 57 61 23 eller mette.holm@gladsaxe.dk. Sagen "
              "vedrører borgeren med CPR-nr. 120384-1234, som har fået tilbudt en ny bolig i afdelingen."),
    Paragraph("=HYPERLINK(\"http://example.invalid\",\"klik\") stod i feltet, og <script>alert(1)</script> "
              "<img src=x onerror=alert(2)> blev indsat i teksten, som skal vises sikkert i rapporten."),
]
