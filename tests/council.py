"""The text of a generated council agenda: six pages with the traps real documents hold."""

from pdfgen import (BOLD, CaseNumber, ColumnPage, Contents, FrontPage, Heading, Letterhead, Paragraph, ScannedPage, Table,
                    TableBeside, VerticalNote)

P = Paragraph

COUNCIL_AGENDA = [
    Heading("Dagsorden for Økonomiudvalgets møde den 12. marts 2025", 1),
    Heading("1. Godkendelse af dagsorden", 2),
    Heading("Beslutning", 3),
    P("Dagsordenen blev godkendt. Søren Ægidius Østergaard deltog ikke i behandlingen af punkt 3 på grund af inhabilitet."),
    Heading("2. Kickstarter til dobbelt bundlinje i Bagsværd Erhvervskvarter", 2),
    Heading("Sagsfremstilling", 3),
    P("Erhvervsservice har i samarbejde med tolv lokale virksomheder udviklet et forløb, hvor borgere, der er "
      "uddannelses- ⏎ eller erhvervsparate, kommer i praktik og får et fast job. Forløbet kaldes Kickstarter til "
      "dobbelt bundlinje og bygger på erfaringer fra to tidligere projekter i kommunen. Virksomhederne får en "
      "fast kontaktperson i jobcentret, og borgerne får en mentor de første seks måneder. Målet er, at 60 borgere "
      "kommer i ordinær beskæftigelse inden udgangen af 2026, og at virksomhedernes rekrut|terings|udfordringer "
      "samtidig løses."),
    P("Forløbet skal understøtte den bære|dygtige omstilling af erhvervskvarteret, fordi flere af de deltagende "
      "virksomheder arbejder med genbrug af byggematerialer og reparation af elektronik. Erfaringerne fra de "
      "første hold viser, at deltagerne især efterspørger:",
      items=["kurser i arbejdsmiljø og sikkerhed på værkstedet,",
             "hjælp til transport til og fra arbejds|pladsen i de første uger,",
             "en fast makker blandt de faste medarbejdere."]),
    Heading("Indstilling", 3),
    P("Direktionen indstiller, at Økonomiudvalget godkender, at der afsættes 1,2 mio. kr. til forløbet i 2025 "
      "og 2026, og at udvalget orienteres om resultaterne hvert halve år."),
    Heading("Økonomiske konsekvenser", 3),
    P("Udgiften på 1,2 mio. kr. finansieres af puljen til erhvervsfremme. Der er ingen afledte driftsudgifter "
      "efter projektperiodens udløb, og projektet har derfor ingen konsekvenser for kassebeholdningen."),
    Heading("3. Røgfri Idrætstid i kommunens idrætshaller", 2),
    Heading("Sagsfremstilling", 3),
    P("Børne- ⏎ og ungeområdet og Sundhedsafdelingen foreslår, at alle kommunale idrætshaller bliver røgfri i de "
      "tidsrum, hvor børn og unge træner. Initiativet Røgfri Idrætstid er udviklet sammen med de lokale "
      "idrætsforeninger og Kræftens Bekæmpelse, som bidrager med skilte, materialer og undervisning af trænere. "
      "Erfaringer fra andre kommuner viser, at røgfrie miljøer omkring idrætten gør det mindre attraktivt at "
      "begynde at ryge, og at forældre og trænere tager godt imod ordningen, når den indføres i tæt dialog med "
      "foreningerne."),
    P("Ordningen indføres trinvis. I foråret 2025 deltager de fire største haller, og fra august 2025 omfatter "
      "den alle haller og udendørsanlæg. Foreningerne forpligter sig til at informere medlemmerne, og "
      "halinspektørerne følger op på overholdelsen. Sundhedsafdelingen evaluerer ordningen efter et år med en "
      "spørgeskema|undersøgelse blandt trænere, forældre og unge spillere, og resultatet forelægges Kultur-, "
      "fritids- og idrætsudvalget samt Sundheds- ⏎ og omsorgsudvalget i foråret 2026."),
    P("Udvalgene har tidligere drøftet, om ordningen også bør gælde for kommunens svømmehaller og for de "
      "selvejende idrætsanlæg. Forvaltningen anbefaler, at erfaringerne fra det første år afventes, før "
      "ordningen udvides, fordi de selvejende anlæg har egne bestyrelser, der selv skal træffe beslutning om "
      "husordenen. Der er allerede positive tilkendegivelser fra tre af de fire selvejende haller, og "
      "forvaltningen vil invitere bestyrelserne til et fælles møde om de praktiske spørgsmål omkring skiltning "
      "og information."),
    Heading("Beslutning", 3),
    P("Indstillingen blev godkendt. Udvalget ønsker, at evalueringen også belyser, hvordan ordningen opleves i "
      "de mindre foreninger."),
    Heading("4. Grønt løft af Søborg Torv og de omkringliggende byrum", 2),
    Heading("Sagsfremstilling", 3),
    P("Søborg Torv er i dag en stor, hård flade, som mest bruges til parkering. Projektet Grønt Søborg Torv "
      "omdanner torvet til et grønt byrum med plantebede, nye træer, siddepladser og et regnvandsbassin, der "
      "kan rumme vand fra et skybrud. Forslaget er udarbejdet efter tre borgermøder, hvor mere end 200 borgere "
      "deltog, og hvor især ønsket om skygge, bænke og legeredskaber for de mindste gik igen."),
    P("Anlægget skal give plads til markedsdage og torvehandel, og belægningen genbruges så vidt muligt fra "
      "den eksisterende plads. Det forventes, at omkring 70 procent af granitstenene kan genanvendes, hvilket "
      "reducerer både udgiften og klimaaftrykket. Beplantningen vælges efter, hvad der gavner bier og "
      "sommerfugle, og der plantes 24 nye træer af hjemmehørende arter. Vedligeholdelsen sker uden brug af "
      "sprøjtemidler, og græsarealerne i kanten af torvet slås kun to gange om året, så der kan opstå "
      "blomstrende enge til gavn for insekterne."),
    P("Byggeriet udføres i to etaper, så torvehandlen kan fortsætte i hele anlægsperioden. Første etape omfatter "
      "den nordlige del med regnvandsbassinet og de nye træer, og anden etape omfatter den sydlige del med "
      "legepladsen og opholdsarealerne. Forvaltningen har drøftet etapeplanen med de handlende på torvet, som "
      "har bedt om, at arbejdet i den sydlige del ikke foregår i december måned, hvor julemarkedet afholdes."),
    Heading("Indstilling", 3),
    P("Teknik- og miljøforvaltningen indstiller, at der gives en anlægsbevilling på 8,4 mio. kr. til projektet, "
      "og at anlægsarbejdet igangsættes i august 2025."),
    ColumnPage(Heading("5. Status for klimaplanen 2025", 2), [
        P("Status for kommunens klimaplan viser, at udledningen fra kommunens egne bygninger er faldet med 38 "
          "procent siden 2018. Faldet skyldes især konvertering fra naturgas til fjernvarme, nye varmepumper i "
          "tre skoler og solceller på tagene af rådhuset og to plejecentre. Energistyringen er samtidig "
          "forbedret, så ventilationen i de store bygninger nu styres efter, hvor mange der faktisk er til "
          "stede."),
        P("Transporten er fortsat den største udfordring. Kommunens bilpark består nu af 64 elbiler, men "
          "borgernes kørsel er stort set uændret. Letbanen forventes at flytte en del af trafikken, når den "
          "åbner, og kommunen vil i de kommende år udbygge cykelstierne langs Buddingevej og Vandtårnsvej. "
          "Der er desuden etableret 120 nye ladestandere i samarbejde med et privat ladeselskab, og "
          "delebilsordningen er udvidet til seks nye boligområder."),
        P("Klimatilpasningen følger planen. Der er anlagt regnvandsbassiner i Værebro Park og ved Maglegårds "
          "Allé, og kloakseparering er gennemført i tre oplande. I samarbejde med forsyningsselskabet Novafos "
          "er der udarbejdet en skybrudsplan for de lavtliggende kvarterer, hvor vandet i 2011 og 2014 gjorde "
          "stor skade. Planen rummer både tekniske løsninger og grønne løsninger, hvor regnvandet ledes til "
          "parker og grønne arealer, som samtidig giver bedre rammer for leg, ophold og biodiversitet. Der er "
          "afsat 42 mio. kr. til de første fire projekter, og forsyningsselskabet finansierer den del, der "
          "vedrører spildevand. Erfaringerne fra de første projekter viser, at borgerne tager godt imod de "
          "grønne løsninger, når de inddrages tidligt i planlægningen og kan se, at arealerne også bliver "
          "smukkere at opholde sig på. Derfor vil forvaltningen fremover holde borgermøder allerede i "
          "idéfasen og bruge skitser og modeller, som gør det nemt at forstå, hvor vandet løber hen, og "
          "hvordan de nye arealer kommer til at se ud i de forskellige årstider. Forvaltningen vil samtidig "
          "måle, hvor meget regnvand de nye anlæg håndterer, så effekten kan dokumenteres over for både "
          "borgere og politikere. Målingerne offentliggøres en gang om året på kommunens hjemmeside sammen "
          "med et kort over de anlæg, der er taget i brug, og de anlæg, der er under planlægning. De første "
          "målinger fra Værebro Park viser, at bassinet tilbageholdt omkring 4.000 kubikmeter vand under "
          "sommerens kraftigste regnskyl, og at ingen kældre i området blev oversvømmet."),
        P("Arbejdet med cirkulær økonomi er styrket. Alle husstande sorterer nu affald i ti fraktioner, og "
          "genbrugsstationen i Bagsværd har åbnet en byttecentral, hvor borgerne kan aflevere og hente møbler, "
          "legetøj og byggematerialer. I 2024 blev 140 tons genstande genbrugt gennem byttecentralen, og "
          "kommunens indkøbsaftaler stiller nu krav om miljømærkning af rengøringsmidler, papir og "
          "kontorartikler."),
    ]),
    ScannedPage(),
    Heading("6. Forlængelse af projektet Unge med kant", 2),
    Heading("Sagsfremstilling", 3),
    P("Projektet Unge med kant har siden 2022 hjulpet unge mellem 15 og 24 år, som hverken er i uddannelse "
      "eller job, og som har været i kontakt med politiet. Projektet drives af Ungdomsskolen, SSP og "
      "Jobcentret i fællesskab med boligsociale medarbejdere i Værebro Park og Gyngemosen. Hver ung får en "
      "fast voksen, der følger den unge på tværs af skole, fritid, familie og de første skridt på "
      "arbejdsmarkedet."),
    P("I de tre første år har 86 unge deltaget. 51 af dem er i dag i uddannelse eller job, og antallet af "
      "sigtelser blandt deltagerne er faldet med mere end halvdelen i forhold til året før, de begyndte. De "
      "unge fremhæver især, at de bliver mødt af voksne, som ikke giver op, og at der er kort vej fra en idé "
      "til en praktikplads. Flere lokale virksomheder har taget imod unge i praktik, og fire af dem har "
      "efterfølgende ansat en ung i et lære|plads|forløb."),
    P("Projektperioden udløber ved udgangen af 2025. Forvaltningen foreslår, at projektet forlænges i tre år "
      "og gøres til en fast del af kommunens indsats for udsatte unge. Samtidig foreslås det, at indsatsen "
      "udvides til Bagsværd, hvor politiet og skolerne har oplevet en stigning i antallet af unge, der "
      "samles om aftenen omkring stationen. Udvidelsen kræver to ekstra medarbejdere, og forvaltningen vil "
      "søge Den A.P. Møllerske Støttefond om en del af finansieringen, så kommunens egen udgift holdes på "
      "det nuværende niveau."),
    P("Forældrene inddrages fra begyndelsen. Erfaringerne viser, at de unge holder fast i forløbet, når "
      "forældrene kender den voksne, der følger deres barn, og ved, hvem de kan ringe til. Derfor holdes der "
      "et møde i hjemmet inden for de første fjorten dage, og forældrene inviteres til en afslutning, når "
      "den unge er kommet godt i gang med uddannelse eller arbejde."),
    Heading("Indstilling", 3),
    P("Direktionen indstiller, at projektet Unge med kant forlænges til og med 2028, og at forvaltningen "
      "bemyndiges til at søge fondsmidler til udvidelsen til Bagsværd."),
    Heading("Beslutning", 3),
    P("Anbefales over for Kommunalbestyrelsen. Et medlem ønskede at få oplyst, hvor mange af de unge der "
      "fortsat er i uddannelse eller job et år efter, at forløbet er afsluttet."),
    Heading("7. Meddelelser", 2),
    P("Borgmesteren orienterede om, at Danmarks Statistik har offentliggjort nye befolkningstal, og at "
      "kommunens indbyggertal er steget med 1.150 personer i 2024. Forvaltningen udarbejder en ny "
      "befolkningsprognose, som forelægges udvalget i forbindelse med budgetlægningen."),
    P("Kommunaldirektøren orienterede om status på det nye økonomisystem. Overgangen er gennemført uden "
      "forsinkelser i betalingen af kreditorer, men der er fortsat enkelte fejl i rapporterne til "
      "budgetopfølgningen, som leverandøren arbejder på at rette inden udgangen af april."),
    Heading("8. Lukket punkt: Salg af kommunal grund ved Bagsværd Hovedgade", 2),
    P("Punktet behandles for lukkede døre, jf. kommunestyrelseslovens § 10, fordi sagen vedrører "
      "forhandlinger med en mulig køber, og en offentlig behandling kan skade kommunens økonomiske "
      "interesser. Beslutningen offentliggøres, når handlen er endeligt gennemført."),
    Heading("9. Eventuelt", 2),
    P("Et medlem spurgte til tidsplanen for renoveringen af svømmehallen i Gladsaxe Sportscenter og bad om "
      "en skriftlig orientering inden næste møde. Formanden oplyste, at forvaltningen udarbejder en status, "
      "som udsendes med dagsordenen til mødet i april, og at den også vil beskrive, hvordan skolernes "
      "svømmeundervisning afvikles i den periode, hvor hallen er lukket."),
    P("Et andet medlem gjorde opmærksom på, at flere borgere har henvendt sig om parkeringsforholdene ved "
      "rådhuset under ombygningen af forhallen. Kommunaldirektøren oplyste, at der midlertidigt er lejet 40 "
      "pladser på naboejendommen, og at skiltningen bliver forbedret i løbet af næste uge. Udvalget tog "
      "orienteringerne til efterretning, og mødet blev hævet kl. 18.40."),
]


def contents_of(elements: list) -> list[tuple[str, int]]:
    """Contents entries for the agenda items of ``elements``, two pages apart."""
    items = [e.text for e in elements if isinstance(e, Heading) and e.level == 2]
    return [(title, 3 + 2 * n) for n, title in enumerate(items)]


# The most common agenda system: front page with the meeting's data, a contents page with dot
# leaders, "Punkt N: title", a case number, Resume / Sagsfremstilling / Beslutningspunkter /
# Beslutning / Bilag, and a running header naming the item, which varies from page to page.
_CITY_ITEMS = [
    Heading("Punkt 1: Godkendelse af dagsorden", 2),
    CaseNumber("Sagsnr.: EMN-2025-00412"),
    Heading("Resume", 3),
    P("Byrådet skal godkende dagsordenen for mødet. Der er ikke modtaget forslag til nye punkter, og "
      "borgmesteren foreslår, at punkt 5 behandles før punkt 4 af hensyn til en oplægsholder."),
    Heading("Beslutning", 3),
    P("Dagsordenen blev godkendt med den foreslåede ændring af rækkefølgen."),
    Heading("Punkt 2: Handleplan for mere bevægelse i hverdagen", 2),
    CaseNumber("Sagsnr.: EMN-2024-03188"),
    Heading("Resume", 3),
    P("Sundheds- ⏎ og Forebyggelsesudvalget har udarbejdet en handleplan, der skal få flere borgere til at "
      "bevæge sig i hverdagen. Planen bygger på kommunens sundhedsprofil, som viser, at hver fjerde voksne "
      "borger er fysisk inaktiv, og at andelen er størst i de almene bolig|områder."),
    Heading("Sagsfremstilling", 3),
    P("Handleplanen rummer tolv initiativer, som gennemføres i samarbejde med idrætsforeningerne, "
      "boligselskaberne og de praktiserende læger. Blandt initiativerne er gå|fællesskaber for ældre, "
      "motion på recept for borgere med hjerte-⏎kar-sygdomme og et tilbud om holdtræning for borgere med "
      "lænde-⏎ryglidelser, som ellers står uden for arbejdsmarkedet i lang tid."),
    P("Kommunen etablerer desuden fire nye udendørs trænings|faciliteter i parkerne og langs stierne ved "
      "søerne. Facili|teterne placeres efter en kortlægning af, hvor borgerne i dag bevæger sig, og hvor "
      "der mangler tilbud. Borgerne er inddraget gennem en spørgeskema|undersøgelse med mere end 900 svar "
      "og tre dialogmøder i bydelene."),
    P("Initiativerne følges med en årlig status til udvalget. Forvaltningen måler blandt andet, hvor mange "
      "der deltager i de nye tilbud, og hvor mange der fortsætter med at træne efter et år."),
    Heading("Beslutningspunkter", 3),
    P("Sundheds- og Forebyggelsesudvalget indstiller til Byrådet:",
      items=["at handleplanen for mere bevægelse i hverdagen godkendes,",
             "at der gives en anlægsbevilling på 2,8 mio. kr. til trænings|faciliteterne,",
             "at forvaltningen hvert år giver udvalget en status på initiativerne."]),
    Heading("Beslutning", 3),
    P("Godkendt. Et medlem tog forbehold for finansieringen af de udendørs faciliteter."),
    Heading("Bilag", 3),
    P("Sagen har to bilag:", items=["Handleplan for mere bevægelse i hverdagen 2025-2028",
                                   "Notat om borgerinddragelsen i bydelene"]),
    Heading("Punkt 3: Budgetopfølgning pr. 31. maj 2025", 2),
    CaseNumber("Sagsnr.: EMN-2025-01907"),
    Heading("Resume", 3),
    P("Budgetopfølgningen viser et forventet merforbrug på serviceudgifterne på 6,4 mio. kr., som især "
      "skyldes flere ældre med behov for hjemmepleje. Anlægsområdet forventes at holde budgettet."),
    Heading("Sagsfremstilling", 3),
    P("Forventningerne til årets resultat fordeler sig på udvalgene som vist i tabellen nedenfor. Beløbene "
      "er i mio. kr., og et positivt tal er et merforbrug."),
    Table([["Udvalg", "Budget", "Forventet", "Afvigelse"],
           ["Børne- og Skoleudvalget", "1.214,5", "1.216,1", "1,6"],
           ["Social- og Sundhedsudvalget", "982,3", "989,9", "7,6"],
           ["Teknik- og Miljøudvalget", "311,8", "309,0", "-2,8"]],
          [200, 90, 90, 90], rules="horizontal"),
    P("Merforbruget i Social- og Sundhedsudvalget skyldes, at antallet af visiterede timer til hjemmepleje "
      "er steget med otte procent siden januar. Forvaltningen foreslår, at udvalget får en sag om "
      "tilpasning af serviceniveauet i august."),
    Heading("Beslutning", 3),
    P("Byrådet tog budgetopfølgningen til efterretning og bad om en sag om hjemmeplejen i august."),
    Heading("Punkt 4: Lokalplan for boliger ved Stationsvej", 2),
    CaseNumber("Sagsnr.: EMN-2023-11506"),
    Heading("Resume", 3),
    P("Forslaget til lokalplan giver mulighed for 140 boliger i en tidligere fabriksbygning ved "
      "Stationsvej. Et lokalfor¦slag fra grundejerforeningen om færre parkeringspladser er indarbejdet, og "
      "planen stiller krav om regnvandshåndtering på egen grund."),
    Heading("Sagsfremstilling", 3),
    P("Bygningen bevares, og der bygges to nye etager ovenpå i træ. Mindst en fjerdedel af boligerne skal "
      "være almene familieboliger, og gården skal være fælles og grøn med plads til leg og ophold. Der "
      "anlægges en sti gennem området, som forbinder stationen med skolen på den anden side af banen."),
    Heading("Beslutning", 3),
    P("Forslaget blev vedtaget og sendes i offentlig høring i otte uger."),
]
CITY_COUNCIL_MINUTES = [
    FrontPage("Referat - Byrådet", [("Mødedato", "12. marts 2025"), ("Mødetidspunkt", "Kl. 17.00"),
                                    ("Mødested", "Byrådssalen, Rådhuset"), ("Afbud", "Ingen")]),
    Contents(contents_of(_CITY_ITEMS)),
    *_CITY_ITEMS,
]
CITY_COUNCIL_HEADER = ("Byrådet · Åbent referat", "12-03-2025 · Side {page}", "{item}")


# An older document-export system: a title with the contents below it (no dot leaders, the page
# number set apart), numbered items in bold body size, "Sagsnr." lines, and a two-column page
# with a word hyphenated across the column break.
_COMMITTEE_ITEMS = [
    Heading("1. Orientering om sprogindsatsen i dagtilbud", 2, (BOLD, 11)),
    CaseNumber("Sagsnr. 17.01.00-P20-4-25"),
    Heading("Resume", 3),
    P("Udvalget orienteres om resultaterne af den styrkede sprogindsats i kommunens dagtilbud, som blev "
      "sat i gang efter sprogvurderingerne i 2023."),
    Heading("Sagsfremstilling", 3),
    P("Sprogindsatsen består af tre dele: sprogpakker til alle stuer, efteruddannelse af 120 pædagoger og "
      "et tættere samarbejde med forældrene om højtlæsning derhjemme. Andelen af treårige med behov for "
      "særlig sprogstøtte er faldet fra 19 til 14 procent på to år. Faldet er størst i de børnehaver, hvor "
      "uddannelses- ⏎ og vejledningsindsatsen har været mest intensiv."),
    P("Bibliotekerne har samtidig oprettet sprogcaféer for familier med et andet modersmål end dansk, og "
      "cafeerne har haft mere end 2.000 besøg i det første år. Forvaltningen vil fortsætte indsatsen og "
      "udbrede erfaringerne til dagplejen."),
    Heading("Indstilling", 3),
    P("Forvaltningen indstiller, at orienteringen tages til efterretning."),
    Heading("Beslutning", 3),
    P("Taget til efterretning."),
    Heading("2. Ny skolestruktur i Bagsværd", 2, (BOLD, 11)),
    CaseNumber("Sagsnr. 17.02.00-A00-9-24"),
    Heading("Resume", 3),
    P("Elevtallet i Bagsværd stiger, og forvaltningen har undersøgt tre modeller for en ny skolestruktur. "
      "Udvalget skal beslutte, hvilken model der sendes i høring i skolebestyrelserne."),
    ColumnPage(Heading("Sagsfremstilling", 3), [
        P("Den første model udvider den eksisterende skole med et nyt spor og en ny idrætshal. Den anden "
          "model samler udskolingen på én matrikel, så eleverne i syvende til niende klasse får flere valgfag "
          "og bedre faglokaler. Den tredje model bygger en ny skole i det nye boligområde ved stationen, "
          "hvor de fleste nye familier flytter til. Alle tre modeller er vurderet på pris, trafiksikkerhed, "
          "skoleveje og mulighederne for at bruge bygningerne til fritidsliv om aftenen. Forvaltningen har "
          "drøftet modellerne med skolelederne og med elevrådene, som især har lagt vægt på korte skoleveje og "
          "på gode udearealer. Elevrådene har også peget på, at de gerne vil have adgang til værksteder og "
          "musiklokaler efter skoletid, og at det skal være nemt at cykle til skolen fra alle dele af byen. "
          "Forvaltningen anbefaler den anden model, fordi den giver det bedste faglige miljø for de ældste "
          "elever og kan gennemføres uden at købe ny grund. Modellen kræver en ombygning af den "
          "nuværende skole, som kan ske i etaper, mens undervisningen fortsætter, og den giver plads til et "
          "nyt lærings|center, hvor skolens bibliotek og lokaler til projektarbejde samles. Lærings¦⇥centret "
          "skal også bruges af foreningerne om aftenen, så bygningen bliver et samlingssted for hele bydelen."),
        P("Skolebestyrelserne og de faglige organisationer får seks uger til at afgive høringssvar. "
          "Herefter forelægges sagen for udvalget igen med forvaltningens bemærkninger til svarene og et "
          "forslag til tidsplan for ombygningen."),
    ]),
    Heading("Indstilling", 3),
    P("Forvaltningen indstiller, at den anden model sendes i høring i skolebestyrelserne."),
    Heading("Beslutning", 3),
    P("Godkendt. Et medlem ønskede den tredje model med i høringen og tog forbehold."),
]
COMMITTEE_MINUTES = [
    Heading("Børne- og Skoleudvalget - Referat 4. november 2025", 1),
    Contents(contents_of(_COMMITTEE_ITEMS), leaders=False),
    *_COMMITTEE_ITEMS,
]
COMMITTEE_HEADER = ("Børne- og Skoleudvalget, 04-11-2025", "Side {page}")


# A Word annex: letterhead, a print stamp set vertically in the margin, text with soft hyphens,
# zero-width spaces and bidi marks, a ruled table, a table beside a paragraph, picture bullets.
WORD_ANNEX = [
    Letterhead(["Gladsaxe Kommune", "Social- og Sundhedsforvaltningen", "Rådhus Allé 7", "2860 Søborg"]),
    VerticalNote("Dok. 2025-118734 - udskrevet 03-03-2025 10:42"),
    Heading("Notat: Forebyggelse af ensomhed blandt ældre", 1),
    P("Notatet beskriver de indsatser mod ensomhed, som forvaltningen har sat i gang i 2024 og 2025. "
      "Indsatserne bygger på en under\u00adsøgelse blandt 1.400 borgere over 75 år, hvor hver sjette svarede, "
      "at de ofte er uønsket alene.", font="DejaVu"),
    P("Besøgsvennerne i Ældre\u200bSagen og Røde Kors er kernen i indsatsen. Kommunen formidler kontakten, "
      "og frivillige besøger i dag 310 borgere hver uge. Den \u202aførste\u202c evaluering viser, at otte ud af ti "
      "borgere føler sig mindre alene efter et halvt år med en besøgsven.", font="DejaVu"),
    Table([["Indsats", "Målgruppe", "Status"],
           ["Besøgsvenner", "Borgere over 75 år, der bor alene", "I drift siden 2019"],
           ["Spisefællesskaber", "Borgere i eget hjem med hjemmepleje", "Fire steder, udvides i 2025"],
           ["Telefonkæde", "Borgere, der ikke kan komme ud", "Afprøves i Søborg"]],
          [120, 200, 155]),
    P("Spisefællesskaberne holdes på plejecentrene, og borgerne kan blive hentet med kommunens flextrafik. "
      "Deltagerne betaler selv for maden, men transporten er gratis det første år."),
    TableBeside(Table([["År", "Deltagere"], ["2023", "85"], ["2024", "190"], ["2025", "260"]], [80, 90]),
                P("Antallet af deltagere i spisefællesskaberne er mere end tredoblet på to år. Væksten kommer "
                  "især fra borgere, der er blevet henvist af hjemmeplejen, og fra pårørende, der selv har "
                  "kontaktet centrene.")),
    P("Forvaltningen foreslår tre nye skridt i 2026:", bullet="vector", bold_items=True,
      items=["Flere frivillige", "Kontakt efter udskrivning", "Fællesskab i boligområderne"]),
    P("Forslagene drøftes med Ældrerådet, før de forelægges Social- og Sundhedsudvalget i april."),
]
WORD_ANNEX_HEADER = ("", "")


def fixtures() -> dict[str, tuple[list, tuple, str]]:
    """Every generated document layout by name: (elements, running header, footer)."""
    from board_minutes import BOARD_MINUTES
    from strategy_followup import STRATEGY_FOLLOWUP

    return {
        "strategy_followup (seed-like report)": (STRATEGY_FOLLOWUP, ("Gladsaxe Kommune", "Opfølgning på kommunestrategien"), "- {page} -"),
        "council_agenda": (COUNCIL_AGENDA, ("Gladsaxe Kommune · Økonomiudvalget", "Dagsorden 12. marts 2025"), "Side {page}"),
        "board_minutes": (BOARD_MINUTES, ("Børne- og Undervisningsudvalget", "Referat 4. november 2025"), "Side {page}"),
        "city_council_minutes (agenda system)": (CITY_COUNCIL_MINUTES, CITY_COUNCIL_HEADER, ""),
        "committee_minutes (export system)": (COMMITTEE_MINUTES, COMMITTEE_HEADER, ""),
        "word_annex": (WORD_ANNEX, WORD_ANNEX_HEADER, ""),
    }
