"""Gold document C (generated for casetagger, content invented), kept aside while the case rules
were written: a case catalogue appended to a municipal strategy follow-up. The initiatives an
analyst would list are in ``naestved_cases.yaml``."""

from pdfgen import Heading, Paragraph

P = Paragraph

DOCUMENT = [
    Heading("Bilag 2: Casekatalog til opfølgning på Byrådets strategi 2022-2026", 1),
    Heading("Læsevejledning", 2),
    P("Casekataloget er et bilag til den samlede opfølgning på Byrådets strategi 2022-2026 og samler eksempler på, "
      "hvordan strategiens tre temaer omsættes i praksis: bæredygtig vækst, stærke lokalsamfund og et godt liv for "
      "alle. Kataloget dækker 2. halvår 2025 og er udarbejdet af Center for Politik og Borgerservice på grundlag af "
      "udvalgenes dagsordener, statusnotater fra centrene og interview med projektlederne. Eksemplerne er valgt, "
      "så de viser bredden i kommunens arbejde, og kataloget er derfor ikke en udtømmende liste."),
    P("Hvert tema indledes med en kort beskrivelse af, hvad der er sket i perioden. Derefter følger de udvalgte "
      "eksempler. Tal og resultater er oplyst af de ansvarlige centre og er ikke revideret."),

    Heading("Tema: Bæredygtig vækst", 2),
    P("Erhvervsindsatsen har i perioden været præget af arbejdet med at tiltrække virksomheder til det nye "
      "erhvervsområde ved motorvejen og af at styrke servicen over for de virksomheder, der allerede er her. "
      "Kommunen har i samarbejde med Business Næstved lanceret Virksomhedsguiden, en fast indgang for "
      "virksomheder, der søger byggetilladelser, miljøgodkendelser eller arbejdskraft. Guiden har haft 240 "
      "henvendelser, og den gennemsnitlige sagsbehandlingstid for byggesager på erhvervsejendomme er faldet fra 62 "
      "til 38 dage."),
    P("Kompetenceløftet Grøn Håndværker er et samarbejde mellem kommunen, ZBC og fem byggevirksomheder om at "
      "uddanne ledige og ufaglærte til jobs inden for energirenovering og installation af varmepumper. 28 deltagere "
      "har gennemført det første forløb, og 22 af dem er ansat i de deltagende virksomheder. Jobcentret står for "
      "rekrutteringen og følger deltagerne de første tre måneder i jobbet."),
    P("På havnen er Maltfabrikken færdigrenoveret og rummer nu kontorfællesskab, værksteder og en markedshal med "
      "lokale fødevareproducenter. Bygningen er renoveret med genbrugte mursten og tagsten, og Realdania har "
      "støttet projektet med 12 mio. kr. I markedshallen arbejder seks borgere i fleksjob, ansat gennem den "
      "socialøkonomiske virksomhed, der driver hallen."),
    P("Næstved Kommune har sammen med otte andre kommuner på Sjælland deltaget i netværket Klimaklar Erhverv, hvor "
      "små og mellemstore virksomheder får hjælp til at lave et klimaregnskab og en handleplan for at reducere "
      "deres udledning. 17 lokale virksomheder har deltaget. Ud over netværket har kommunen i perioden skiftet "
      "gadebelysningen til LED på 3.100 lysmaster, hvilket sparer omkring 1,1 mio. kWh om året."),
    P("Solcelleparken ved Rislev er godkendt af Byrådet den 28. oktober efter en lang proces med borgermøder. "
      "Parken på 90 hektar forventes at levere strøm svarende til forbruget i 25.000 husstande, og naboerne får "
      "andel i et grønt fællesskab, der får et årligt bidrag til lokale projekter. Plan- og Miljøudvalget har "
      "samtidig bedt om, at arealet plejes med får og indrettes med levende hegn til gavn for naturen."),

    Heading("Tema: Stærke lokalsamfund", 2),
    P("Landsbyerne i kommunen har i perioden fået flere redskaber til selv at skabe aktiviteter og byrum. Ordningen "
      "Landsbypuljen har i 2025 støttet 26 projekter med i alt 1,8 mio. kr., blandt andet en ny legeplads i Tybjerg, "
      "en shelterplads ved Fensmark Skov og en renovering af forsamlingshuset i Herlufmagle. Puljen administreres af "
      "Landdistriktsrådet, som også har udviklet Landsbyplaner for fire landsbyer sammen med beboerne."),
    P("Byrumsprojektet Axeltorv for alle er afsluttet, så torvet nu har flere træer, siddepladser i skygge og "
      "regnbede, der opsamler vand fra de omkringliggende tage. Anlægget blev indviet ved en byfest den 6. september "
      "med omkring 4.000 besøgende. Projektet er gennemført i samarbejde med handelsstandsforeningen og Næstved "
      "Forsyning, og byrumsudvalgets formand Camilla Winther har fulgt projektet tæt."),
    P("Susåen er blevet mere tilgængelig efter projektet Åen tilbage til byen, hvor en tidligere rørlagt strækning "
      "er genåbnet, og der er anlagt en sti langs åen med broer og opholdssteder. Samtidig er der etableret "
      "gydebanker for ørred og plantet 2.000 træer og buske. Projektet er finansieret med midler fra Miljøstyrelsen "
      "og en lokal fond, og Danmarks Sportsfiskerforbund har bidraget med frivillige timer."),
    P("Kommunen har sammen med Movia og to nabokommuner oprettet Flextur Land, en ordning hvor borgere i "
      "landdistrikterne kan bestille kørsel til nærmeste station eller lægehus for samme pris som en busbillet. "
      "Ordningen har haft 5.600 ture i andet halvår, og brugerne er især ældre uden bil. Derudover er der opsat 24 "
      "nye cykelstativer med tag ved busstoppestederne på landet."),

    Heading("Tema: Et godt liv for alle", 2),
    P("Børne- og Ungeudvalget har i perioden sat fokus på børn og unges trivsel og på at få flere unge i "
      "uddannelse. Med indsatsen Klar til skole har alle børnehaver fået en fast læsevejleder, der sammen med "
      "pædagogerne arbejder med sprog og tal i det sidste år før skolestart, og forældrene får en pose med bøger "
      "og spil med hjem. Indsatsen omfatter 1.050 børn. Samtidig er Ungeporten åbnet på biblioteket som en fælles "
      "indgang for unge mellem 15 og 25 år, der har brug for vejledning om uddannelse, job eller bolig."),
    P("Uddannelsesprojektet Vejen Videre tilbyder unge uden ungdomsuddannelse et forløb, hvor de skiftevis går på "
      "FGU og er i praktik i en kommunal arbejdsplads, for eksempel i et ældrecenter eller i Park og Vej. 63 unge "
      "har deltaget, og 41 er fortsat i uddannelse eller job. Forløbet er tilrettelagt sammen med FGU Sydsjælland, "
      "og ungdomsvejleder Sofie Bach Nielsen er fast kontaktperson for de unge i hele forløbet."),
    P("Skolerne har i efteråret taget Trivselsværkstedet i brug, et forløb for elever i 4. til 6. klasse med "
      "fokus på venskaber, mobning og digitale medier. Forløbet er udviklet af skolepsykologerne og gennemføres af "
      "klassens lærere. Den nationale trivselsmåling viser en lille fremgang i den sociale trivsel på "
      "mellemtrinnet, som forvaltningen tilskriver forløbet og det styrkede samarbejde med forældrene."),
    P("Hjemløseenheden har med projektet Et hjem først skaffet 22 boliger til borgere, der har været hjemløse i "
      "mere end et år, og de får støtte fra en fast bostøttemedarbejder. Samtidig er der åbnet et natvarmested "
      "i samarbejde med Kirkens Korshær, og en ny gadesygeplejerske tager rundt til borgere, der ikke selv kommer "
      "til lægen. Socialudvalget følger indsatsen halvårligt."),
    P("Motion på Recept er udvidet til at omfatte borgere med angst og depression, så de praktiserende læger kan "
      "henvise dem til et hold med træning og samtaler i Sundhedscenter Næstved. I perioden er 210 borgere "
      "henvist, og 70 procent har gennemført forløbet. Ældre borgere kan desuden deltage i Aktive Seniorer, hvor "
      "frivillige instruktører fra DGI og de lokale idrætsforeninger holder træning i forsamlingshuse og "
      "lokalcentre."),
    P("Plejecentrene har indført Måltidsvenner, hvor frivillige spiser med beboere, der ellers ville spise alene, "
      "og der er ansat en madambassadør, der sammen med køkkenerne arbejder med appetit, ernæring og madspild. "
      "Seks plejecentre deltager, og beboerne spiser mere og taber mindre i vægt. Demenskoordinator Anna Krogh har "
      "desuden holdt kurser for pårørende i samarbejde med Ældre Sagen."),

    Heading("Det videre arbejde", 2),
    P("Kataloget forelægges Økonomiudvalget og Byrådet sammen med den samlede opfølgning på strategien. Flere af "
      "eksemplerne indgår som forslag i budgetforhandlingerne for 2027, herunder en videreførelse af Grøn "
      "Håndværker og Et hjem først. Spørgsmål til kataloget kan rettes til Center for Politik og Borgerservice."),
]
