"""The text of generated committee minutes: initiatives mixed with purely procedural agenda items."""

from pdfgen import Heading, Paragraph

P = Paragraph

BOARD_MINUTES = [
    Heading("Referat af Børne- og Undervisningsudvalgets møde den 4. november 2025", 1),
    P("Mødet blev holdt på rådhuset, mødelokale 2, kl. 16.00-18.15. Afbud: Line Brøndum Kristiansen (A). "
      "Fra forvaltningen deltog direktøren for Børn og Kultur, skolechefen og dagtilbudschefen. Referatet er "
      "godkendt af formanden og offentliggøres på kommunens hjemmeside."),

    Heading("1. Godkendelse af dagsorden", 2),
    Heading("Beslutning", 3),
    P("Dagsordenen blev godkendt med den ændring, at punkt 5 blev behandlet før punkt 4 af hensyn til "
      "oplægsholderen fra Ventilen Danmark. Jonas Fårup Villadsen (V) deltog ikke i behandlingen af punkt 3 på "
      "grund af inhabilitet, da hans ægtefælle er ansat på Mørkhøj Skole."),

    Heading("2. Budgetopfølgning pr. 30. september 2025", 2),
    Heading("Sagsfremstilling", 3),
    P("Forvaltningen har udarbejdet budgetopfølgning pr. 30. september 2025 for udvalgets område. Opfølgningen "
      "viser et forventet mindreforbrug på driften på 6,4 mio. kr., svarende til 0,5 procent af udvalgets "
      "samlede nettobudget på 1.312 mio. kr. Mindreforbruget skyldes primært, at der har været færre børn i "
      "dagtilbud end forudsat i befolknings|prognosen, hvilket reducerer den demografi|regulerede bevilling. "
      "Modsat forventes et merforbrug på 4,1 mio. kr. på specialundervisning, fordi flere elever end "
      "budgetteret er visiteret til specialtilbud uden for kommunen."),
    P("Efter kommunens regler for decentral økonomistyring kan institutionerne overføre over- og underskud på "
      "op til 5 procent af deres budget til det følgende år. Forvaltningen forventer overførsler på i alt 9,8 "
      "mio. kr., hvoraf 7,2 mio. kr. vedrører skolerne. På anlægsområdet forventes et mindreforbrug på 12,5 "
      "mio. kr., da tilbygningen til en skole i Søborg er udskudt til 2026 efter en annulleret licitation. "
      "Beløbet søges overført til 2026 i forbindelse med regnskabsafslutningen, og der er ikke behov for at "
      "ændre anlægs|bevillingen."),
    P("Forvaltningen gør opmærksom på, at prognosen er behæftet med usikkerhed. Den demografiske regulering "
      "af dagtilbudsområdet opgøres endeligt på grundlag af det faktiske antal indskrevne børn i oktober og "
      "november, og antallet af visiteringer til specialtilbud kan ændre sig i løbet af de sidste måneder af "
      "året. Desuden er der endnu ikke afregnet mellemkommunale betalinger for fjerde kvartal. Forvaltningen "
      "vil derfor give en opdateret vurdering i forbindelse med regnskabsafslutningen."),
    Heading("Indstilling", 3),
    P("Forvaltningen indstiller, at udvalget tager budgetopfølgningen til efterretning og anbefaler "
      "Økonomiudvalget og Kommunalbestyrelsen at godkende, at 4,1 mio. kr. omplaceres fra dagtilbud til "
      "specialundervisning inden for udvalgets samlede ramme."),
    Heading("Økonomiske konsekvenser", 3),
    P("Omplaceringen er udgiftsneutral for kommunen som helhed og har ingen konsekvenser for "
      "kassebeholdningen. Overførslerne til 2026 indgår i den samlede sag om overførsler, som forelægges "
      "Kommunalbestyrelsen i april."),
    Heading("Beslutning", 3),
    P("Anbefales. Udvalget bad om, at der til mødet i januar udarbejdes en analyse af udviklingen i antallet af "
      "elever i specialtilbud uden for kommunen og af de forventede udgifter i de kommende år."),
    Heading("Bilag", 3),
    P("Bilag 1: Budgetopfølgning pr. 30. september 2025, Børne- og Undervisningsudvalget. Bilag 2: Oversigt "
      "over forventede overførsler pr. institution."),

    Heading("3. Læseindsats på Mørkhøj Skole og i områdets dagtilbud", 2),
    Heading("Sagsfremstilling", 3),
    P('Mørkhøj Skole, de tre daginstitutioner i Mørkhøj og Gladsaxe Bibliotekerne har udviklet projektet '
      '"Læsespor Mørkhøj", som skal styrke børnenes sprog og lyst til at læse fra 3-årsalderen til og med 3. '
      'klasse. Baggrunden er, at resultaterne af de nationale test i læsning i 2. klasse på skolen har ligget '
      'under kommunens gennemsnit tre år i træk, og at sprogvurderingerne i dagtilbuddene viser, at hvert femte '
      'barn har brug for en fokuseret eller særlig indsats, når det begynder i skole.'),
    P("Projektet består af tre dele. I dagtilbuddene læser pædagogerne dialogisk med børnene i små grupper hver "
      "dag, og biblioteket leverer hver måned en kasse med nye bøger til hver stue. I skolen får alle elever i "
      "0.-3. klasse 20 minutters frilæsning hver dag, og skolens to læsevejledere følger de elever tæt, som har "
      "svært ved at komme i gang. Endelig inviteres forældrene til læsecaféer på biblioteket, hvor der også er "
      "bøger på de sprog, som familierne taler derhjemme."),
    P("Projektet løber fra januar 2026 til juni 2028 og omfatter omkring 420 børn. Effekten måles med "
      "sprogvurderinger og nationale test, og Nationalt Videncenter for Læsning bidrager med faglig sparring "
      "og uddannelse af pædagoger og lærere. Skolebestyrelsen og forældrebestyrelserne i de tre "
      "daginstitutioner har udtalt deres støtte til projektet. Der nedsættes en styregruppe med skolelederen, "
      "de tre dagtilbudsledere og en repræsentant for bibliotekerne, som hvert halve år gør status over for "
      "forvaltningen."),
    Heading("Indstilling", 3),
    P("Forvaltningen indstiller, at udvalget godkender projektet, og at der afsættes 2,1 mio. kr. fra "
      "udvalgets pulje til kvalitetsudvikling."),
    Heading("Økonomiske konsekvenser", 3),
    P("Projektet finansieres med 2,1 mio. kr. fra puljen til kvalitetsudvikling, fordelt med 0,6 mio. kr. i "
      "2026, 0,8 mio. kr. i 2027 og 0,7 mio. kr. i 2028. Forvaltningen har desuden søgt en privat fond om 0,9 "
      "mio. kr. til indkøb af bøger og uddannelse af læsevejledere. Gives der afslag, gennemføres projektet i "
      "en mindre udgave inden for den afsatte ramme."),
    Heading("Beslutning", 3),
    P("Godkendt. Udvalget bad om at få forelagt en midtvejsstatus i efteråret 2027, herunder resultaterne af de "
      "første sprogvurderinger. Jonas Fårup Villadsen (V) deltog ikke i behandlingen af punktet."),
    Heading("Bilag", 3),
    P("Bilag 1: Projektbeskrivelse. Bilag 2: Notat om læseresultater på Mørkhøj Skole 2022-2025."),

    Heading("4. Status på Klimaspirer-projektet i kommunens dagtilbud", 2),
    Heading("Sagsfremstilling", 3),
    P("Udvalget besluttede i marts 2024 at igangsætte Klimaspirer-projektet, hvor 12 daginstitutioner afprøver, "
      "hvordan dagtilbuddene kan mindske deres klimaaftryk og samtidig give børnene en tidlig forståelse for "
      "natur og ressourcer. Forvaltningen giver hermed status efter projektets første halvandet år."),
    P("Institutionerne har især arbejdet med maden. Køkkenerne serverer nu kød højst to dage om ugen, og "
      "madspildet er ved hjælp af vejning og bedre planlægning af portionerne reduceret med 38 procent, "
      "svarende til omkring 9 tons mad om året. Børnene deltager i vejningen og tegner søjlediagrammer over, "
      "hvor meget der er blevet smidt ud. Der er etableret køkkenhaver og kompostering i ni institutioner, og "
      "fire institutioner har i samarbejde med Ejendomsservice fået installeret varmepumper, så naturgas|fyrene "
      "kunne tages ud af drift."),
    P("Naturen på legepladserne er også blevet en del af projektet. Syv institutioner har i samarbejde med "
      "kommunens gartnere omlagt dele af legepladsen til vild natur med blomstereng, kvasbunker og insekthoteller, "
      "som børnene selv har bygget. Pædagogerne bruger arealerne i det daglige arbejde med læreplanstemaet om "
      "natur, udeliv og science, og flere institutioner har lavet aftaler med lokale landbrug og haveforeninger "
      "om besøg, hvor børnene kan se, hvordan maden bliver til."),
    P("Forældrene er generelt positive. I en spørgeskemaundersøgelse med 640 besvarelser svarer 81 procent, at "
      "de støtter projektet, mens enkelte forældre har udtrykt bekymring for, om kosten med mindre kød giver "
      "børnene nok protein. Kommunens kostfaglige konsulent har derfor gennemgået menuerne og vurderet, at de "
      "lever op til de officielle anbefalinger for måltider i dagtilbud. Forvaltningen foreslår, at projektet "
      "udbredes til alle kommunens 54 dagtilbud fra august 2026."),
    Heading("Indstilling", 3),
    P("Forvaltningen indstiller, at udvalget tager status til efterretning og godkender, at Klimaspirer-"
      "projektet udbredes til alle dagtilbud fra august 2026."),
    Heading("Økonomiske konsekvenser", 3),
    P("Udbredelsen kræver 1,4 mio. kr. i 2026 og 0,9 mio. kr. årligt fra 2027 til vægte, køkkenhaver, kurser "
      "for køkkenpersonalet og en projektmedarbejder. Udgiften foreslås finansieret af besparelsen på "
      "energiudgifterne i de institutioner, der har fået varmepumper, og af udvalgets pulje til "
      "kvalitetsudvikling."),
    Heading("Beslutning", 3),
    P("Godkendt. Udvalget ønsker, at erfaringerne med børnenes deltagelse i vejning af madspild deles på den "
      "fælles pædagogiske dag for dagtilbuddene i foråret, og at forældrebestyrelserne inddrages, når "
      "menuerne i de nye institutioner skal lægges om."),
    Heading("Bilag", 3),
    P("Bilag 1: Statusnotat om projektet, oktober 2025. Bilag 2: Resultater af spørgeskemaundersøgelsen blandt "
      "forældre."),

    Heading("5. Trivselsindsats for unge i samarbejde med Ventilen Danmark", 2),
    Heading("Sagsfremstilling", 3),
    P("Den seneste trivselsmåling viser, at 14 procent af eleverne i 7.-9. klasse ofte eller meget ofte føler "
      "sig ensomme, og at andelen er steget siden 2021. Forvaltningen foreslår derfor, at kommunen indgår et "
      "partnerskab med Ventilen Danmark om indsatsen Ung Sammen, der tilbyder ugentlige mødesteder for ensomme "
      "unge mellem 13 og 18 år. Mødestederne drives af frivillige unge voksne, som uddannes og superviseres af "
      "Ventilen, mens Ungdomsskolen stiller lokaler og en fast kontaktperson til rådighed."),
    P("Indsatsen begynder i Bagsværd og Høje Gladsaxe, hvor Ungdomsskolen allerede har klubaktiviteter om "
      "aftenen. Skolernes trivselsvejledere og SSP kan henvise unge, men de unge kan også selv møde op uden "
      "aftale. Målet er at nå 60 unge i det første år. Ventilen gennemfører en før- og eftermåling af de unges "
      "trivsel, og resultaterne forelægges udvalget efter et år. Ungdomsrådet er blevet hørt og bakker op om "
      "indsatsen, men foreslår, at mødestederne markedsføres på de sociale medier, som de unge faktisk "
      "bruger."),
    P("Indsatsen supplerer kommunens eksisterende tilbud til unge i mistrivsel, herunder den anonyme "
      "rådgivning og Ungdomsskolens samtalegrupper. Forskellen er, at mødestederne ikke er behandling, men et "
      "sted, hvor de unge kan øve sig i at være sammen med andre i trygge rammer. De frivillige er typisk "
      "studerende mellem 20 og 30 år, og Ventilen rekrutterer dem blandt andet gennem samarbejde med "
      "uddannelsesinstitutionerne i nærområdet. Lykkes indsatsen, kan den udvides til Søborg i 2027."),
    P("På mødet holdt en projektleder fra Ventilen Danmark oplæg om erfaringerne fra andre kommuner, hvor syv "
      "ud af ti unge, der er kommet fast på et mødested i et halvt år, oplever at være mindre ensomme."),
    Heading("Indstilling", 3),
    P("Forvaltningen indstiller, at udvalget godkender partnerskabsaftalen med Ventilen Danmark for perioden "
      "2026-2027."),
    Heading("Økonomiske konsekvenser", 3),
    P("Kommunens bidrag udgør 450.000 kr. om året til uddannelse af frivillige, supervision og materialer og "
      "finansieres inden for Ungdomsskolens budget. Udgifter til lokaler afholdes inden for den eksisterende "
      "ramme."),
    Heading("Beslutning", 3),
    P("Godkendt. Udvalget ønsker, at opfølgningen efter et år også belyser, hvor mange unge der fortsætter i "
      "andre fællesskaber, når de stopper på mødestedet."),
    Heading("Bilag", 3),
    P("Bilag 1: Udkast til partnerskabsaftale mellem Gladsaxe Kommune og Ventilen Danmark. Bilag 2: Uddrag af "
      "trivselsmålingen 2025 for 7.-9. klasse."),

    Heading("6. Mødeplan for 2026", 2),
    Heading("Sagsfremstilling", 3),
    P("Forvaltningen har udarbejdet forslag til udvalgets mødeplan for 2026. Møderne er planlagt, så de passer "
      "med Kommunalbestyrelsens møder og budgetprocessen, og holdes som udgangspunkt den første tirsdag i "
      "måneden kl. 16.00 på rådhuset. Der holdes ikke møde i juli. Udvalgets temamøde om budget 2027 foreslås "
      "holdt den 5. maj 2026 i forlængelse af det ordinære møde, og der planlægges et dialogmøde med skole- og "
      "forældrebestyrelserne i oktober."),
    P("Dagsordenen udsendes senest seks dage før mødet, og sager til behandling skal være forvaltningen i "
      "hænde senest tre uger før. Udvalgsmedlemmer, der er forhindret i at møde fysisk, kan efter aftale med "
      "formanden deltage digitalt, dog ikke i behandlingen af lukkede punkter, hvor der skal sikres fortrolighed. "
      "Forvaltningen gør opmærksom på, at mødet i september kan blive flyttet, hvis budgetforhandlingerne for "
      "2027 trækker ud."),
    Heading("Indstilling", 3),
    P("Forvaltningen indstiller, at mødeplanen for 2026 godkendes."),
    Heading("Økonomiske konsekvenser", 3),
    P("Mødeplanen har ingen økonomiske konsekvenser ud over udgifterne til forplejning og mødelokaler, som i "
      "forvejen afholdes inden for sekretariatets budget."),
    Heading("Beslutning", 3),
    P("Godkendt med den ændring, at mødet i februar flyttes fra den 3. til den 10. februar, så det ikke falder "
      "sammen med Kommunalbestyrelsens temadag."),
    Heading("Bilag", 3),
    P("Bilag 1: Forslag til mødeplan for Børne- og Undervisningsudvalget 2026."),

    Heading("7. Meddelelser", 2),
    Heading("Sagsfremstilling", 3),
    P("Formanden orienterede om, at Kommunernes Landsforening holder børne- og ungetopmøde i januar, og at to "
      "af udvalgets medlemmer deltager. Forvaltningen orienterede om, at fristen for indskrivning til "
      "børnehaveklasse i skoleåret 2026/27 er den 30. november, og at rapporterne fra de pædagogiske tilsyn i "
      "dagtilbuddene for 2025 nu er offentliggjort på kommunens hjemmeside."),
    P("Forvaltningen orienterede desuden om, at Ankestyrelsen har afgjort to klagesager om afslag på skoleskift "
      "og i begge sager givet kommunen medhold. Endelig blev udvalget orienteret om, at opgørelsen af "
      "vikardækningen i folkeskolerne for skoleåret 2024/25 viser, at 4,1 procent af timerne blev læst af en "
      "vikar, og at 88 procent af de planlagte timer blev gennemført med en lærer, der har "
      "undervisnings|kompetence i faget. En samlet redegørelse forelægges udvalget i december."),
    Heading("Beslutning", 3),
    P("Orienteringerne blev taget til efterretning. Mødet blev hævet kl. 18.15."),
]
