"""The text of a generated strategy follow-up: cases grouped by the six goals of Gladsaxe's strategy."""

from pdfgen import ColumnPage, Heading, Paragraph

P = Paragraph

STRATEGY_FOLLOWUP = [
    Heading("Opfølgning på kommunestrategien 2018-22, 2. halvår 2025", 1),
    Heading("Indledning og metode", 2),
    P("Kommunestrategien 2018-22 er Kommunalbestyrelsens overordnede styringsdokument, og den gælder, indtil en "
      "ny strategi er vedtaget. Strategien har seks mål, som hver tager udgangspunkt i to eller flere af de syv "
      "verdensmål, kommunen har valgt at arbejde målrettet med. Forvaltningen følger op på strategien to gange om "
      "året. Den kvantitative opfølgning på strategiens indikatorer indgår i budget|materialet, mens denne "
      "opfølgning er et kvalitativt bilag, der med konkrete cases viser, hvordan målene omsættes til handling i "
      "kommunens forvaltninger, institutioner og partnerskaber."),
    P("Opfølgningen dækker perioden fra 1. juli til 31. december 2025. Casene er udvalgt af Strategi og Analyse "
      "på grundlag af dagsordener og referater fra Kommunalbestyrelsen og de stående udvalg, handleplaner, "
      "statusrapporter og bidrag fra forvaltningerne. En indsats medtages, når den i perioden har ført til en "
      "beslutning, en aktivitet eller et målbart resultat. Hver case er placeret under det mål, den bidrager mest "
      "til, selv om mange cases understøtter flere mål på én gang. Opfølgningen er drøftet i direktionen og "
      "forelægges Økonomiudvalget til orientering i februar 2026, hvorefter den offentliggøres på kommunens "
      "hjemmeside."),

    Heading("Mere klimavenlig by", 2),
    Heading("Grøn Gård Bagsværd", 3),
    P("Projektet Grøn Gård Bagsværd blev afsluttet i oktober 2025. Den asfalterede fællesgård i en almen "
      "boligafdeling tæt på Bagsværd Station er omdannet til et grønt gårdrum, hvor regnvandet fra tagene ledes "
      "til regnbede og et forsænket græsareal i stedet for til kloakken. I alt er 3.200 kvadratmeter asfalt "
      "brudt op, og anlægget kan nu tilbageholde vandet fra en regnhændelse, der statistisk set kun forekommer "
      "hvert 20. år. Projektet er gennemført af boligselskabet i samarbejde med kommunen og forsynings|selskabet "
      "Novafos, som har tilbagebetalt en del af afdelingens tilslutningsbidrag, fordi regnvandet ikke længere "
      "belaster kloakken."),
    P("Beboerne har været med fra begyndelsen, og 140 beboere deltog i de fire workshops, hvor gården blev "
      "tegnet. Den færdige gård rummer blandt andet:",
      items=["seks regnbede med fugtelskende stauder og en åben vandrende, der fører vandet synligt gennem gården,",
             "en fælles nyttehave med 24 højbede, som passes af beboerne selv,",
             "legeredskaber og bænke bygget af genbrugstræ fra de gamle cykelskure."]),
    Heading("Sol på Taget", 3),
    P("I andet halvår er solcelleprogrammet Sol på Taget afsluttet med anlæg på yderligere 14 kommunale "
      "bygninger, heriblandt seks skoler, fire daginstitutioner, en svømmehal og tre plejecentre. Programmet "
      "omfatter nu i alt 31 bygninger med en samlet effekt på 2,4 megawatt, og anlæggene forventes at producere "
      "omkring 2.300 megawatttimer om året, svarende til en femtedel af elforbruget i kommunens egne bygninger. "
      "Den årlige besparelse på elregningen er beregnet til 3,1 mio. kr., og investeringen er dermed tjent hjem "
      "på cirka elleve år. Panelerne er købt gennem et fælleskommunalt udbud med krav om dokumenterede "
      "arbejdsforhold i produktionen og om, at leverandøren tager panelerne retur, når de er udtjente."),
    Heading("Materialebanken Gladsaxe", 3),
    P("Materialebanken Gladsaxe åbnede i september 2025 i en tidligere materielgård i Gladsaxe Erhvervskvarter. "
      "Her opbevares byggematerialer fra kommunens egne nedrivninger og renoveringer, så de kan genbruges i nye "
      "projekter. Banken har indtil nu modtaget 410 tons materialer, blandt andet mursten, træbjælker, døre, "
      "armaturer og 1.800 kvadratmeter gulvplanker fra en nedlagt skolefløj i Søborg. Heraf er 160 tons allerede "
      "genbrugt, og en beregning fra et rådgivende ingeniørfirma viser, at genbruget har sparet omkring 95 tons "
      "CO2 i forhold til indkøb af nye materialer."),
    P("Materialebanken drives i et partnerskab mellem kommunens Ejendomsservice, to lokale nedrivningsfirmaer "
      "og en socialøkonomisk virksomhed, der renser og klargør materialerne. Virksomheden beskæftiger seks "
      "medarbejdere i fleksjob. Fra 2026 stiller kommunen krav i alle udbud af nedrivning om, at genbrugelige "
      "materialer registreres og tilbydes materialebanken, før bygningen rives ned, og forvaltningen undersøger "
      "sammen med to nabokommuner, om banken kan drives i fællesskab."),

    Heading("Mere grøn og levende by", 2),
    Heading("Vild Natur i Kagsåparken", 3),
    P("Med indsatsen Vild Natur i Kagsåparken er 11 hektar af parken i 2025 overgået fra intensiv græsslåning "
      "til naturpleje. Fem skotske højlandskvæg græsser nu arealet fra maj til oktober efter aftale med en lokal "
      "kvægavler, og langs Kagsåen er to gamle dræn lukket, så engen igen står våd om vinteren. Kommunens "
      "naturkonsulent har sammen med frivillige fra Danmarks Naturfredningsforening registreret 142 plantearter "
      "i området mod 88 ved den første optælling i 2022, og der er for første gang i mange år fundet "
      "trævlekrone og kærtidsel i parken."),
    P("Omlægningen har mødt både ros og kritik. Nogle borgere savner de slåede plæner, og derfor er der bevaret "
      "stier og tre store græsflader til boldspil og ophold. Skilte ved indgangene forklarer, hvorfor naturen "
      "får lov at gro, og i august holdt kommunen en naturdag med 350 deltagere, hvor børn og voksne gik på "
      "opdagelse sammen med biologer. Erfaringerne bruges nu, når forvaltningen udpeger nye arealer til vild "
      "natur i kommunens øvrige parker og grønne kiler."),
    Heading("Stationspladsen i Buddinge", 3),
    P("Byrumsprojektet Stationspladsen i Buddinge blev indviet i november 2025. Den tidligere parkeringsplads "
      "mellem S-togsstationen og letbanens stoppested er blevet et byrum med 38 nye træer, plantebede, "
      "cykelparkering til 420 cykler og siddetrapper, hvor man kan vente i læ. Pladsen er udformet efter en "
      "borgerdialog med 600 besvarelser på kommunens digitale høringsportal og to gåture på stedet med naboer "
      "og handlende."),
    P("Ønsket om mere liv om aftenen er imødekommet med belysning, der fremhæver træerne, og med en pavillon, "
      "som fra foråret 2026 lejes ud til en café. Butikkerne omkring pladsen melder allerede om flere kunder, og "
      "de handlende har dannet en forening, der sammen med kommunen arrangerer tre markeder om året på pladsen. "
      "Regnvandet fra pladsen ledes til træernes plantehuller, så træerne får vand i tørre perioder, og kun "
      "overskydende vand løber til kloakken."),
    Heading("Tusind nye træer", 3),
    P("Kampagnen Tusind nye træer blev afsluttet i december, da det tusinde træ blev plantet i Gyngemosen af "
      "elever fra en lokal skole. Siden 2023 er der plantet træer langs veje, på skolernes legepladser og i "
      "boligområderne, og borgerne har selv foreslået 260 af placeringerne. Der er valgt hjemmehørende arter "
      "som eg, lind, røn og vildæble, og hvert træ er registreret i kommunens digitale trækort, så borgerne kan "
      "følge med i, hvor de nye træer står."),

    Heading("Mere attraktiv erhvervsby med jobvækst", 2),
    Heading("Startværket Søborg", 3),
    P("Iværksætterhuset Startværket Søborg åbnede i august 2025 i en tom butik på Søborg Hovedgade, som "
      "kommunen lejer i tre år. Huset tilbyder billige kontorpladser, vejledning fra Erhvervsservice og faste "
      "rådgivningstimer med revisorer og advokater, der stiller deres tid gratis til rådighed. Ved udgangen af "
      "året havde 23 virksomheder fast plads i huset, og 140 iværksættere havde deltaget i husets kurser om "
      "forretningsplaner, moms og markedsføring. Fire af virksomhederne har allerede ansat deres første "
      "medarbejder."),
    P("Huset er etableret i samarbejde med Erhvervshus Hovedstaden og den lokale handelsstandsforening, som ser "
      "huset som en måde at skabe mere liv på hovedgaden. Forvaltningen evaluerer ordningen i 2027 og vurderer "
      "på den baggrund, om huset skal gøres permanent eller flyttes til større lokaler. Allerede nu er der "
      "venteliste til kontorpladserne, og tre af husets virksomheder har fået deres første kunder blandt "
      "kommunens øvrige erhvervsliv gennem de netværksmøder, som Erhvervsservice holder i huset hver måned."),
    Heading("Hurtig Match i Jobcentret", 3),
    P("Jobcentrets virksomhedsservice har i andet halvår afprøvet Hurtig Match, hvor en virksomhed, der "
      "henvender sig med en ledig stilling, får præsenteret mindst tre relevante kandidater inden for fem "
      "arbejdsdage. I perioden har 118 virksomheder benyttet ordningen, og 164 "
      "ledige er blevet ansat, heraf 41 i stillinger inden for lager, transport og rengøring, hvor "
      "virksomhederne tidligere har haft svært ved at rekruttere. Virksomhederne giver servicen en "
      "gennemsnitlig karakter på 4,5 på en skala fra 1 til 5, og ordningen gøres permanent fra 1. januar 2026."),
    Heading("Kvarterpartnerskab Gladsaxe Erhvervsby", 3),
    P("Kvarterpartnerskab Gladsaxe Erhvervsby er et BID-samarbejde, hvor grundejere, virksomheder og kommunen i "
      "fællesskab finansierer forbedringer af erhvervskvarteret. I andet halvår har de 46 deltagende "
      "virksomheder og kommunen investeret i alt 2,8 mio. kr. i fælles tiltag. Der er anlagt en belyst sti "
      "gennem kvarteret fra letbanens stoppested, plantet 60 træer langs de interne veje og etableret fælles "
      "cykelparkering med ladestandere til elcykler. Partnerskabet har også holdt en rekrutteringsdag med "
      "Jobcentret, hvor 210 jobsøgende mødte virksomhederne, og hvor 19 blev ansat i ordinære stillinger eller "
      "løntilskud i ugerne efter."),
    P("En undersøgelse blandt virksomhederne viser, at 72 procent vurderer kvarteret som et bedre sted at drive "
      "virksomhed end for to år siden, og at den bedre adgang for medarbejdere uden bil er den vigtigste "
      "forbedring. Tre nye virksomheder med tilsammen omkring 300 arbejdspladser har i perioden valgt at flytte "
      "til kvarteret. Partnerskabet har på den baggrund besluttet at forlænge samarbejdet med yderligere fem "
      "år, og kommunen bidrager fortsat med drift af stier og belysning samt med en fast kontaktperson i "
      "Erhvervsservice."),

    Heading("Lige muligheder for at lykkes", 2),
    Heading("Egen Bolig Først", 3),
    P("Indsatsen Egen Bolig Først hjælper hjemløse borgere direkte i egen bolig med støtte fra en fast "
      "bostøtte|medarbejder efter Housing First-princippet. Kommunen har i 2025 indgået aftale med tre almene "
      "boligorganisationer om at anvise 25 boliger om året til målgruppen. I andet halvår er 14 borgere flyttet "
      "ind, og af de 38 borgere, der har fået bolig siden indsatsens start i 2023, bor 33 fortsat i deres bolig. "
      "Flere har samtidig genoptaget kontakten til deres familie, og seks er kommet i gang med et forløb i "
      "Jobcentret eller med frivilligt arbejde."),
    P("En af de borgere, der flyttede ind i en etværelses lejlighed i Mørkhøj i september, har fortalt, at det "
      "var første gang i fire år, at hun kunne lukke sin egen dør. Hendes forløb indgår anonymiseret i den "
      "evaluering, som et eksternt analyseinstitut gennemfører i 2026, og som skal vise, om indsatsen også "
      "reducerer behovet for ophold på forsorgshjem og skadestue."),
    Heading("Praktik i Byggeriet", 3),
    P("Med projektet Praktik i Byggeriet stiller kommunen sociale klausuler i alle bygge- og anlægsudbud over "
      "5 mio. kr. Entreprenørerne forpligter sig til at ansætte lærlinge og til at give borgere, der er langt "
      "fra arbejdsmarkedet, en praktikplads på byggepladsen. I andet halvår har klausulerne omfattet otte "
      "byggesager, herunder udvidelsen af en skole i Bagsværd og renoveringen af to plejecentre. I alt 27 "
      "lærlinge og 18 ledige har været ansat på kommunens byggepladser, og ni af de ledige er efterfølgende "
      "blevet tilbudt fast ansættelse. Jobcentret har en fast kontaktperson for entreprenørerne, så matchet "
      "mellem virksomhed og borger sker hurtigt."),
    Heading("Familieankeret i Værebro Park", 3),
    P("Familieankeret er et tilbud om tidlig hjælp til børnefamilier i Værebro Park. En socialrådgiver, en "
      "sundhedsplejerske og en familiebehandler har fast kontortid i beboerhuset to dage om ugen, og familierne "
      "kan komme uden tidsbestilling og uden at have en sag i kommunen. I andet halvår har 96 familier benyttet "
      "tilbuddet, oftest for at få råd om søvn, skærmtid, skolefravær og økonomi."),
    P("Den boligsociale helhedsplan og frivillige fra Mødrehjælpen står for familiecaféer og lektiehjælp i "
      "tilknytning til tilbuddet. Forvaltningen vurderer, at flere familier nu får hjælp, før problemerne "
      "vokser sig store, og antallet af underretninger fra området er faldet med 18 procent i forhold til samme "
      "periode sidste år. Familierne peger i en interviewundersøgelse på, at det er afgørende, at de møder de "
      "samme fagpersoner hver gang, og at tilbuddet ligger i boligområdet, hvor de i forvejen kommer. "
      "Forvaltningen undersøger nu, om modellen kan overføres til Gyngemosen."),

    Heading("Børn og unge former fremtiden", 2),
    Heading("Børnenes Byråd", 3),
    P("Børnenes Byråd blev etableret i september 2025 med 31 elever fra 5. og 6. klasse fra alle kommunens "
      "folkeskoler. Rådet mødes fire gange om året på rådhuset og får besøg af udvalgsformænd og medarbejdere "
      "fra forvaltningen. I den første periode har rådet arbejdet med sikre skoleveje og bedre legepladser. "
      "Eleverne har kortlagt 64 steder, hvor de føler sig utrygge på vej til skole, og kortet indgår nu i "
      "grundlaget for kommunens trafik|sikkerheds|plan. Teknik- og Miljøudvalget har besluttet at udbedre de ti "
      "steder, som flest elever har peget på, i løbet af 2026, blandt andet med nye fodgængerfelter og bedre "
      "belysning."),
    P("Rådet er en del af kommunens arbejde med at blive anerkendt som børnevenlig kommune i samarbejde med "
      "UNICEF Danmark, og erfaringerne deles med tre andre kommuner i et netværk om børns deltagelse i "
      "beslutninger, der vedrører dem. I foråret 2026 skal rådet komme med forslag til, hvordan kommunens "
      "biblioteker og fritidsklubber kan indrettes, så de bliver mere attraktive for børn mellem 10 og 13 år, "
      "og Kultur-, fritids- og idrætsudvalget har forpligtet sig til at give rådet et skriftligt svar på hvert "
      "forslag."),
    Heading("Naturens Klasseværelse", 3),
    P("I Naturens Klasseværelse flytter skolerne en del af undervisningen ud i naturen ved Smørmosen og "
      "Hareskoven. Forløbet kombinerer fag som natur/teknologi, matematik og dansk: eleverne måler træer, "
      "bestemmer smådyr i vandhullerne og skriver naturdagbøger. I skoleåret 2025/26 deltager 42 klasser fra ni "
      "skoler, og 36 lærere har gennemført et kursus i udeundervisning. Naturstyrelsen har stillet et shelter "
      "og et udendørs værksted i Hareskoven til rådighed."),
    P("Københavns Professionshøjskole følger projektet, og den første måling viser, at de elever, der er "
      "mindst motiverede i klasseværelset, deltager mere aktivt, når undervisningen foregår ude. Syv ud af ti "
      "elever svarer, at de lærer bedre, når de arbejder med hænderne, og lærerne oplever færre konflikter i "
      "klasserne på de dage, hvor der har været udeundervisning. Forvaltningen arbejder på, at alle skoler kan "
      "deltage fra skoleåret 2026/27."),

    Heading("Mere sundhed og trivsel", 2),
    Heading("Gå med Gladsaxe", 3),
    P("Gå med Gladsaxe er et tilbud om faste gåture for ældre borgere, som føler sig ensomme eller har brug for "
      "mere bevægelse i hverdagen. Turene ledes af frivillige gåværter, der er uddannet af Sundhedscentret i "
      "samarbejde med Ældre Sagen. I andet halvår er der etableret 12 gåhold med i alt 230 faste deltagere, og "
      "holdene går fra plejecentre, biblioteker og aktivitetscentre i alle bydele. Efter turen drikker "
      "deltagerne kaffe sammen, og flere hold har selv startet nye aktiviteter som fællesspisning og "
      "museumsbesøg."),
    P("En spørgeskemaundersøgelse blandt deltagerne viser, at 64 procent føler sig mindre ensomme efter et "
      "halvt år, og at 71 procent er mere fysisk aktive end før. Sundhedscentret henviser nu borgere, der "
      "afslutter et genoptræningsforløb, direkte til gåholdene, så de kan holde fast i træningen, når det "
      "kommunale forløb slutter. Antallet af frivillige gåværter er steget fra 15 til 34, og Ældre Sagen har "
      "tilbudt at uddanne flere, så der kan oprettes hold om eftermiddagen for pårørende til borgere med "
      "demens."),
    Heading("Demensvenlig Bagsværd", 3),
    P("Projektet Demensvenlig Bagsværd skal gøre det lettere for mennesker med demens og deres pårørende at "
      "leve et aktivt liv i lokalsamfundet. I andet halvår har 420 medarbejdere fra 48 butikker, "
      "pengeinstitutter, apoteker og foreninger i Bagsværd deltaget i et kort kursus om, hvordan man møder en "
      "kunde med demens. Kurserne er udviklet af kommunens demenskoordinatorer og Alzheimerforeningen. "
      "Biblioteket i Bagsværd har desuden indrettet et pårørendehjørne og holder månedlige caféer for "
      "pårørende, hvor i gennemsnit 25 deltager. Projektet evalueres i 2026, og målet er at udbrede det til "
      "Søborg og Mørkhøj."),
    Heading("Mental Førstehjælp i foreningslivet", 3),
    P("Mental Førstehjælp er et kursus, hvor trænere, ledere og frivillige i idrætsforeninger og spejderkorps "
      "lærer at spotte tegn på angst, depression og selvskade hos børn og unge og at tage den første samtale. "
      "Sundhedscentret har i samarbejde med Psykiatrifonden og Gladsaxe Idrætsråd holdt ti kurser i andet "
      "halvår med i alt 186 deltagere fra 41 foreninger. Deltagerne får samtidig en oversigt over, hvor de kan "
      "henvise en ung, der har brug for mere hjælp, blandt andet til kommunens anonyme rådgivning for unge. "
      "Efter kurset svarer 9 ud af 10 deltagere, at de føler sig bedre rustet til at tale med en ung om "
      "mistrivsel, og kurserne fortsætter i 2026 med særligt fokus på de mindre foreninger."),

    ColumnPage(Heading("Verdensmålene i tal", 2), [
        P("Kommunens bidrag til verdensmålene kan også aflæses i en række nøgletal, som forvaltningerne har "
          "indberettet for 2025. Tallene er ikke en samlet måling af, om strategiens mål er nået, men et udvalg, "
          "som supplerer casene i denne opfølgning. Tallene er opgjort pr. 31. december 2025 og sammenlignet "
          "med udgangsåret 2018, hvor det har været muligt. Enkelte tal bygger på stikprøver og skal derfor "
          "læses med forbehold, hvilket fremgår af noterne i det tekniske bilag."),
        P("Klimaindsats og ansvarligt forbrug (verdensmål 12 og 13): CO2-udledningen fra kommunens egne "
          "bygninger og køretøjer er faldet med 47 procent siden 2018, og 31 kommunale bygninger har nu "
          "solceller. Husstandenes genanvendelse af affald er steget fra 39 til 56 procent, og 88 procent af "
          "kommunens indkøb af rengøringsmidler, papir og kontorartikler er nu miljømærket. Andelen af "
          "økologiske fødevarer i de kommunale køkkener er 71 procent, og madspildet i køkkenerne på "
          "pleje|centrene er halveret siden 2020. På klimatilpasningsområdet er 14 kilometer kloak separeret, "
          "og der er anlagt ni skybrudsprojekter, som tilsammen kan tilbageholde 38.000 kubikmeter regnvand. "
          "Udledningen fra borgernes og virksomhedernes transport er derimod kun faldet med 6 procent, og "
          "transporten er dermed fortsat den største udfordring i kommunens klimaplan."),
        P("Sundhed, uddannelse og job (verdensmål 3, 4 og 8): Andelen af 25-årige med mindst en "
          "ungdoms|uddannelse er steget til 89 procent, og 92 procent af skoleeleverne svarer i den nationale "
          "trivselsmåling, at de er glade for deres skole. Ledigheden er faldet til 2,6 procent, og antallet af "
          "virksomheder med adresse i kommunen er steget med 1.100 siden 2018. Andelen af voksne, der ryger "
          "dagligt, er faldet fra 15 til 9 procent, mens andelen af ældre over 75 år, der føler sig ensomme, "
          "stort set er uændret. Det er baggrunden for, at ensomhed blandt ældre er et af temaerne i "
          "sundheds|politikken for de kommende år. Middellevetiden er steget med et år siden 2018, og antallet "
          "af forebyggelige indlæggelser blandt borgere over 65 år er faldet med 11 procent, blandt andet fordi "
          "hjemmeplejen og de praktiserende læger samarbejder tættere om de mest sårbare ældre."),
        P("Lige muligheder (verdensmål 4, 8 og 11): Antallet af borgere i fleksjob er steget fra 410 til 640, "
          "og 52 borgere var registreret som hjemløse ved den seneste optælling mod 74 i 2019. Forskellen i "
          "karaktergennemsnittet ved folkeskolens afgangsprøve mellem elever fra de almene boligområder og "
          "kommunens øvrige elever er indsnævret fra 1,9 til 1,3 karakterpoint. Andelen af beboere i de almene "
          "boligområder, der er i job eller uddannelse, er steget fra 61 til 70 procent. Tallene viser, at "
          "udviklingen går i den rigtige retning, men også at der fortsat er en betydelig forskel mellem "
          "bydelene, som de boligsociale helhedsplaner skal bidrage til at mindske. Endelig er 212 borgere "
          "med handicap eller psykisk sygdom kommet i job med løntilskud eller i ordinær beskæftigelse i 2025, "
          "hvilket er det højeste antal i strategiperioden."),
        P("Byer og partnerskaber (verdensmål 11 og 17): Siden 2018 er der plantet 2.900 nye træer på kommunale "
          "arealer, og 18 hektar græs|plæne er omlagt til vild natur. Der er bygget 1.450 nye boliger, heraf 380 "
          "almene, og 94 procent af borgerne bor nu mindre end 800 meter fra et stoppested for letbane, S-tog "
          "eller en højfrekvent buslinje. Kommunen deltager i 64 formelle partnerskaber med virksomheder, "
          "foreninger, videns|institutioner og andre kommuner, og 2.400 frivillige er tilknyttet kommunens "
          "tilbud inden for idræt, kultur, ældreomsorg og natur. Partnerskaberne er opgjort efter samme metode "
          "som i 2024, så tallene kan sammenlignes fra år til år."),
        P("Om datagrundlaget: Tallene for CO2-udledning bygger på kommunens energi- og CO2-regnskab, mens "
          "tallene for ledighed, uddannelse og virksomheder kommer fra Danmarks Statistik. Tallene for rygning "
          "og ensomhed stammer fra den seneste nationale sundhedsprofil, og tallene for elevernes trivsel fra "
          "den nationale trivselsmåling i folkeskolen. Opgørelsen af træer, naturarealer og partnerskaber er "
          "foretaget af forvaltningerne selv. Hvor opgørelsesmetoden er ændret siden 2018, er de tidligere tal "
          "omregnet, så de kan sammenlignes, og hvor det ikke har været muligt, er det angivet i det tekniske "
          "bilag. Strategi og Analyse vil i forbindelse med den nye kommunestrategi foreslå et fast sæt af "
          "indikatorer, så opfølgningen fremover kan bygge på de samme tal hvert halve år. Indikatorerne "
          "drøftes med de stående udvalg i foråret 2026, inden de indgår i Kommunalbestyrelsens behandling af "
          "den nye strategi, så udvalgene får mulighed for at pege på de tal, der er mest relevante for "
          "netop deres områder."),
    ]),

    Heading("Kontakt", 2),
    P("Spørgsmål til opfølgningen kan rettes til specialkonsulent Mette Kjærsgaard Lindholm, Strategi og "
      "Analyse, tlf. 39 57 62 14, e-mail mekli@gladsaxe.dk. Henvendelser om den borgersag, der er omtalt under "
      "Egen Bolig Først (CPR-nr. 070291-3418), bedes af hensyn til tavshedspligten rettet direkte til "
      "Socialforvaltningens bostøtteteam. Næste opfølgning på kommunestrategien forelægges Økonomiudvalget i "
      "september 2026."),
]
