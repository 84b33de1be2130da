"""Name lists for the demo registry (desktop.central.demo).

Kept apart so the generator stays readable. The lists lean on names common in Ecuador,
including Kichwa surnames of the Sierra, because a demo that only shows "Juan Pérez" hides
the accents, ñ and long compound names the screens and printed documents must handle.
"""

from __future__ import annotations

# Dense tables read better than one name per line.
# fmt: off
FEMALE_GIVEN: tuple[str, ...] = (
    "María", "Ana", "Rosa", "Carmen", "Luz", "Gloria", "Blanca", "Martha", "Mercedes", "Inés",
    "Beatriz", "Patricia", "Fernanda", "Gabriela", "Daniela", "Verónica", "Lorena", "Mónica",
    "Alexandra", "Paola", "Jessica", "Tatiana", "Cecilia", "Elena", "Isabel", "Teresa", "Lucía",
    "Sofía", "Valentina", "Camila", "Dolores", "Piedad", "Narcisa", "Zoila", "Rocío",
    "Margarita", "Maribel", "Mayra", "Gissela", "Nathaly", "Estefanía", "Andrea", "Raquel",
    "Esther", "Susana", "Yolanda", "Graciela", "Olga", "Janeth", "Soledad", "Begoña", "Azucena",
    "Violeta", "Nelly", "Germania", "Clemencia",
)

#: Second names that in Ecuador follow "María" as one compound name.
MARIA_SECOND: tuple[str, ...] = (
    "José", "del Carmen", "de los Ángeles", "del Rocío", "Fernanda", "Belén", "Augusta",
    "Eugenia", "Dolores", "Isabel", "Gabriela", "Elena", "Mercedes", "del Cisne",
)

MALE_GIVEN: tuple[str, ...] = (
    "José", "Juan", "Luis", "Carlos", "Jorge", "Manuel", "Pedro", "Miguel", "Ángel", "Segundo",
    "César", "Fabián", "Marco", "Diego", "Andrés", "Sebastián", "Mateo", "Santiago", "Patricio",
    "Hernán", "Héctor", "Ramón", "Raúl", "Víctor", "Óscar", "Julio", "Rubén", "Germán",
    "Efraín", "Joaquín", "Martín", "Tomás", "Nicolás", "Iván", "Édison", "Wilson", "Byron",
    "Washington", "Klever", "Galo", "Fausto", "Rodrigo", "Alberto", "Eduardo", "Francisco",
    "Gonzalo", "Vicente", "Bolívar", "Darwin", "Stalin", "Vinicio", "Ernesto", "Benjamín",
    "Rafael", "Alfonso", "Gustavo",
)

SURNAMES: tuple[str, ...] = (
    "Zambrano", "Guamán", "Quishpe", "Peñafiel", "Muñoz", "Yánez", "Núñez", "Ordóñez",
    "Pazmiño", "Tenesaca", "Chimbo", "Pilataxi", "Pérez", "García", "Rodríguez", "López",
    "Sánchez", "Gómez", "Vera", "Mendoza", "Cedeño", "Macías", "Moreira", "Vélez", "Intriago",
    "Alcívar", "Andrade", "Benítez", "Calderón", "Castillo", "Chávez", "Cevallos", "Córdova",
    "Espinoza", "Flores", "Guerrero", "Gutiérrez", "Herrera", "Jaramillo", "Jiménez", "León",
    "Martínez", "Morán", "Naranjo", "Ortiz", "Paredes", "Quiñónez", "Ramírez", "Reyes",
    "Rivadeneira", "Salazar", "Suárez", "Torres", "Valencia", "Villacís", "Zúñiga", "Cabrera",
    "Carrión", "Chiriboga", "Montúfar", "Proaño", "Rosero", "Toapanta", "Tipán", "Lema",
    "Chicaiza", "Caiza", "Simbaña", "Tituaña", "Cañar", "Maldonado", "Bustamante", "Arévalo",
    "Coronel", "Loor", "Mera", "Solórzano", "Ponce", "Bermúdez", "Chalén", "Tomalá", "Orrala",
    "Borbor", "Yagual", "Ushiña", "Cajamarca", "Sarango", "Jácome", "Montalvo", "Ávila",
    "Piñeiros",
)

COMPANY_KINDS: tuple[str, ...] = (
    "Distribuidora", "Comercializadora", "Importadora", "Exportadora", "Constructora",
    "Camaronera", "Bananera", "Florícola", "Agrícola", "Industrial", "Transportes",
    "Inmobiliaria", "Textiles", "Servicios", "Laboratorios", "Consultora", "Pesquera",
    "Ferretería", "Lácteos", "Panificadora", "Metalmecánica", "Cacaotera", "Palmicultora",
    "Hacienda", "Seguridad Integral", "Clínica", "Plásticos", "Maderas",
)

COMPANY_WORDS: tuple[str, ...] = (
    "Andina", "El Oro", "del Pacífico", "Los Andes", "Cotopaxi", "Chimborazo", "Amazónica",
    "La Costa", "San Miguel", "Santa Lucía", "El Cóndor", "del Guayas", "Pichincha",
    "Tungurahua", "Ecuatoriana", "Sierra Norte", "del Sur", "Galápagos", "Imbabura", "Manabita",
    "El Triunfo", "La Libertad", "Nueva Esperanza", "San Rafael", "Cumbayá", "Samborondón",
    "Machala", "Montecristi", "Cañari", "Puruhá", "Quitumbe", "El Ejido", "La Floresta",
    "Daule", "Milagro", "Babahoyo", "Santa Rosa", "Ibarra", "Los Ríos", "Mitad del Mundo",
)

COMPANY_SUFFIXES: tuple[str, ...] = (
    "S.A.", "Cía. Ltda.", "S.A.S.", "C.A.",
)

PUBLIC_EMPLOYERS: tuple[str, ...] = (
    "Gobierno Autónomo Descentralizado Municipal de Cuenca",
    "Gobierno Autónomo Descentralizado Provincial de Manabí",
    "Gobierno Autónomo Descentralizado Municipal de Riobamba",
    "Empresa Pública Metropolitana de Agua Potable y Saneamiento",
    "Empresa Pública de Hidrocarburos del Ecuador",
    "Empresa Eléctrica Regional Centro Sur C.A.",
    "Universidad Técnica del Norte",
    "Universidad Estatal de Milagro",
    "Hospital General Docente de Calderón",
    "Corporación Nacional de Telecomunicaciones EP",
    "Empresa Pública Municipal de Aseo de Ambato",
    "Autoridad Portuaria de Puerto Bolívar",
    "Empresa Pública de Parques Urbanos y Espacios Públicos",
    "Gobierno Autónomo Descentralizado Municipal de Loja",
    "Instituto Nacional de Investigaciones Agropecuarias",
)
# fmt: on
