"""The text of a generated council agenda: six pages with the traps real documents hold."""

from pdfgen import ColumnPage, Heading, Paragraph, ScannedPage

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
