"""Gold document A (generated for casetagger, content invented): a municipal status report on a
climate and sustainability plan, in the register of real follow-ups. The initiatives an analyst
would list are in ``hvidovre_status.yaml``."""

from pdfgen import Heading, Paragraph

P = Paragraph

DOCUMENT = [
    Heading("Status på Klima- og Bæredygtighedsplanen 2023-2026, 2. halvår 2025", 1),
    Heading("Indledning", 2),
    P("Kommunalbestyrelsen vedtog i juni 2023 Klima- og Bæredygtighedsplanen 2023-2026, der udmønter kommunens "
      "forpligtelser i DK2020 og sætter retning for arbejdet med at reducere udledningen af drivhusgasser med 70 "
      "procent i 2030 i forhold til 1990. Denne status er udarbejdet af Teknik- og Miljøforvaltningen og beskriver "
      "fremdriften i planens indsatser i perioden 1. juli til 31. december 2025. Statussen forelægges Klima- og "
      "Miljøudvalget og Økonomiudvalget til orientering og offentliggøres derefter på kommunens hjemmeside."),
    P("Statussen er bygget op efter planens fire temaer. Under hvert tema beskrives de indsatser, der i perioden er "
      "igangsat, videreført eller afsluttet, og der gives en vurdering af, om indsatsen er på sporet. Indsatser, der "
      "endnu ikke er igangsat, omtales kun kort. Den kvantitative opgørelse af kommunens CO2-udledning for 2024 "
      "indgår som bilag og behandles særskilt i forbindelse med budgetopfølgningen pr. 31. marts 2026."),

    Heading("Tema 1: Energi og bygninger", 2),
    P("Energirenoveringen af de kommunale bygninger er fortsat i perioden. Energispareprojektet Varme Skoler har "
      "udskiftet ventilationsanlæg og efterisoleret lofterne på Frydenhøjskolen og Engstrandskolen, og målingerne "
      "for det første efterår viser et fald i varmeforbruget på 23 procent. Samtidig har Ejendomscenteret afsluttet "
      "udbuddet af solcelleanlæg til yderligere otte institutioner, som monteres i foråret 2026. Begge indsatser "
      "finansieres af anlægspuljen til energibesparelser, hvor der i 2025 er anvendt 14,2 mio. kr."),
    P("Ordningen Energitjek i Hjemmet blev lanceret i september og giver boligejere et gratis besøg af en "
      "energirådgiver, der gennemgår huset og anbefaler konkrete tiltag som efterisolering, varmepumpe eller "
      "udskiftning af vinduer. Ordningen drives sammen med Energitjenesten, og 212 husstande har indtil videre fået "
      "besøg. En opfølgende spørgeskemaundersøgelse viser, at hver tredje husstand har sat mindst ét af de anbefalede "
      "tiltag i gang inden for tre måneder."),
    P("Udrulningen af fjernvarme til de sidste naturgasområder i den sydlige del af kommunen er på sporet. "
      "Forsyningsselskabet har i perioden gravet ledninger ned i 14 veje, og 640 husstande er koblet på nettet. "
      "Kommunen har bidraget med en koordineret vejplan, så gravearbejdet samles med renovering af kloak og "
      "fortove og generne for beboerne holdes nede."),
    P("I erhvervsområdet på Avedøre Holme samarbejder kommunen med 31 virksomheder i virksomhedsnetværket SKIFT om "
      "at nedbringe energiforbruget og udledningen fra transport. Netværket mødes fire gange om året, og "
      "virksomhederne får tilbud om en gratis klimascreening ved en ekstern rådgiver. I perioden har 12 virksomheder "
      "gennemført screeningen, og tre af dem har på den baggrund investeret i overskudsvarme, som nu leveres til "
      "fjernvarmenettet. SKIFT er medfinansieret af Region Hovedstaden og bidrager også til at fastholde "
      "arbejdspladser i området."),

    Heading("Tema 2: Transport og mobilitet", 2),
    P("Delebilsordningen Hvidovre Deler er udvidet fra 12 til 20 elbiler, som nu står ved stationerne, rådhuset og "
      "fire boligafdelinger. Bilerne bruges både af kommunens medarbejdere i dagtimerne og af borgere om aftenen og "
      "i weekenden, og ordningen har erstattet otte af kommunens egne tjenestebiler. Samkørselsinitiativet Kør "
      "Sammen Avedøre, som forvaltningen har udviklet med virksomhederne i SKIFT, har fået 380 brugere, der deler "
      "bil til og fra arbejde via en app. Initiativet har ifølge brugernes egne registreringer sparet omkring 90 "
      "tons CO2 i 2025."),
    P("Cykelpakken 2025 blev vedtaget i budgettet og omfatter blandt andet en ny cykelsti langs Gammel Køge "
      "Landevej, sikre skoleveje ved tre skoler og 400 nye cykelparkeringspladser ved stationerne. Anlægget af "
      "cykelstien er gået i gang, mens skolevejsprojekterne afventer trafiktællinger. Klima- og Miljøudvalget "
      "besluttede den 14. oktober at prioritere strækningen ved Risbjergskolen først, fordi flest elever cykler der."),
    P("Kommunens egen bilpark er nu 74 procent elektrisk. Hjemmeplejen kører udelukkende i elbiler, og de sidste "
      "dieselbiler i Ejendomscenteret udskiftes i 2026. Til orientering er ladeinfrastrukturen på rådhusets "
      "parkeringsplads udvidet med 16 ladestandere."),

    Heading("Tema 3: Klimatilpasning og natur", 2),
    P("Klimatilpasningsprojektet Vandets Vej i Friheden blev indviet i november. Projektet leder regnvand fra "
      "veje og tage gennem en række grønne render og bassiner ned til Harrestrup Å i stedet for ud i kloakken og "
      "beskytter dermed omkring 900 boliger mod oversvømmelse ved skybrud. Anlægget er udført af HOFOR i samarbejde "
      "med kommunen og grundejerforeningerne i området, og der er plantet 140 træer og sået vilde blomster langs "
      "renderne, så området også er blevet et grønt opholdssted."),
    P("Byhaven på Hvidovrevej åbnede i august på en tidligere parkeringsplads ved biblioteket. Haven er anlagt "
      "sammen med beboerne og rummer højbede, frugttræer, et insekthotel og et udekøkken, og den passes af en "
      "gruppe på 35 frivillige. Biblioteket bruger haven til fortællinger for børn og til workshops om at dyrke "
      "grøntsager i byen. Den 2. oktober holdt haven høstfest med over 300 deltagere."),
    P("Plejen af de kommunale grønne områder er lagt om, så 22 hektar græs nu får lov at gro vildt, og vejkanter "
      "slås kun to gange om året. Omlægningen er sket efter anbefalinger fra en biolog og følges af en "
      "registrering af arter på ti prøvefelter. Den første registrering viste 41 arter af blomstrende planter, mod "
      "17 før omlægningen."),
    P("I Kystagerparken har kommunen i samarbejde med Danmarks Naturfredningsforening gennemført indsatsen Vild "
      "natur ved kysten, hvor en gammel fodboldbane er omlagt til strandeng og der er udsat græssende kvæg. "
      "Projektleder Mette Kjærgaard oplyser, at kvæget bliver på arealet fra maj til oktober, og at der er lavet en "
      "natursti med formidling om strandengens fugle."),

    Heading("Tema 4: Cirkulær økonomi og grønne indkøb", 2),
    P("Affaldssortering i ti fraktioner er nu indført i alle kommunens institutioner og i 86 procent af de "
      "almene boligafdelinger. Andelen af husholdningsaffald, der sendes til genanvendelse, er steget til 47 procent "
      "i 2025 fra 41 procent i 2023. Genbrugsstationen har fået en ny byttezone, hvor borgerne kan aflevere og hente "
      "brugte møbler, legetøj og byggematerialer."),
    P("Reparationscaféen på Hvidovre Bibliotek har i perioden holdt 14 åbne aftener, hvor frivillige reparerer "
      "cykler, elektronik og tøj sammen med borgerne. Caféen har repareret omkring 520 ting, og en del af "
      "de frivillige kommer fra Jobcentrets virksomhedspraktik. Samtidig har skolerne fået tilbud om "
      "undervisningsforløbet Affald er en ressource, som 23 klasser har gennemført."),
    P("Kommunens indkøbspolitik stiller nu krav om miljømærker som Svanemærket og EU-Blomsten ved køb af "
      "rengøringsmidler, papir og kontormøbler, og Indkøbsafdelingen har i perioden gennemført to udbud med "
      "totalomkostninger og CO2-aftryk som tildelingskriterier. Dagtilbud har desuden fået Grønt Flag-certificering "
      "i seks institutioner, og nybyggeriet af Hvidovre Sundhedshus opføres efter DGNB guld."),
    P("Kantinerne på rådhuset og i Kultur- og Fritidsforvaltningen har halveret madspildet efter indsatsen Nul "
      "spild i kantinen, hvor madaffaldet vejes dagligt, og menuen planlægges ud fra målingerne. Andelen af "
      "økologiske råvarer er samtidig øget til 68 procent."),

    Heading("Børn, unge og borgere i den grønne omstilling", 2),
    P("Klimaskolen har i efteråret haft besøg af 34 skoleklasser og 12 børnehavegrupper, der har arbejdet med "
      "energi, affald og vand i naturværkstedet ved Hvidovre Strand. Tilbuddet drives af Børne- og "
      "Uddannelsesforvaltningen og er gratis for kommunens skoler. Samtidig har 26 elever fra udskolingen "
      "gennemført uddannelsen til Unge Klimaambassadører, og de har efterfølgende holdt oplæg for yngre elever og "
      "deltaget i et borgermøde om klimaplanen."),
    P("Lokale foreninger og grupper af borgere kan søge støtte til grønne initiativer i Den Grønne Pulje, der i "
      "2025 har uddelt 640.000 kr. til 19 projekter, blandt andet en fælles kompostordning i en andelsboligforening, "
      "et bytteloppemarked og plantning af frugttræer ved en skole. Puljens udvalg består af to politikere og tre "
      "borgere, og formand Jesper Lund fremhæver, at over halvdelen af projekterne er søgt af unge."),

    Heading("Samlet vurdering og videre proces", 2),
    P("Samlet vurderes 21 af planens 28 indsatser at være på sporet, fem er forsinkede, og to er endnu ikke "
      "igangsat. Forsinkelserne skyldes især leveringstider på materialer og manglende kapacitet hos rådgivere. "
      "Forvaltningen foreslår, at der i forbindelse med budget 2027 tages stilling til en forlængelse af "
      "anlægspuljen til energibesparelser og en udvidelse af Hvidovre Deler til flere boligområder."),
    P("Det indstilles, at Klima- og Miljøudvalget tager statussen til efterretning og sender den videre til "
      "Økonomiudvalget og Kommunalbestyrelsen. Næste status forelægges udvalget i september 2026. Spørgsmål til "
      "statussen kan rettes til klimakoordinator Line Vestergaard i Teknik- og Miljøforvaltningen."),
]
