<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_EC">
<context>
    <name>CloseButton</name>
    <message>
        <source>Close Tab</source>
        <translation>Cerrar pestaña</translation>
    </message>
</context>
<context>
    <name>MAC_APPLICATION_MENU</name>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation>Ocultar %1</translation>
    </message>
    <message>
        <source>Hide Others</source>
        <translation>Ocultar otros</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Mostrar todo</translation>
    </message>
    <message>
        <source>Preferences...</source>
        <translation>Preferencias…</translation>
    </message>
    <message>
        <source>Quit %1</source>
        <translation>Salir de %1</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
</context>
<context>
    <name>QAbstractSocket</name>
    <message>
        <source>Socket operation timed out</source>
        <translation>Operación socket expirada</translation>
    </message>
    <message>
        <source>Operation on socket is not supported</source>
        <translation>La operación no está soportada por el socket</translation>
    </message>
    <message>
        <source>Host not found</source>
        <translation>Equipo no encontrado</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Conexión rechazada</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>Tiempo de espera por la conexión expirado</translation>
    </message>
    <message>
        <source>Trying to connect while connection is in progress</source>
        <translation>Intentando conectar mientras la conexión está en progreso</translation>
    </message>
    <message>
        <source>Socket is not connected</source>
        <translation>El socket no está conectado</translation>
    </message>
    <message>
        <source>Network unreachable</source>
        <translation>Red no disponible</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Seleccionar todo</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Aumentar</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>Re&amp;ducir</translation>
    </message>
</context>
<context>
    <name>QAccessibleActionInterface</name>
    <message>
        <source>Press</source>
        <translation>Pulsar</translation>
    </message>
    <message>
        <source>Increase</source>
        <translation>Incrementar</translation>
    </message>
    <message>
        <source>Decrease</source>
        <translation>Decrementar</translation>
    </message>
    <message>
        <source>ShowMenu</source>
        <translation>MostrarMenú</translation>
    </message>
    <message>
        <source>SetFocus</source>
        <translation>PonerFoco</translation>
    </message>
    <message>
        <source>Toggle</source>
        <translation>Conmutar</translation>
    </message>
    <message>
        <source>Scroll Left</source>
        <translation>Desplazar hacia la izquierda</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Desplazar hacia la derecha</translation>
    </message>
    <message>
        <source>Scroll Up</source>
        <translation>Desplazar hacia arriba</translation>
    </message>
    <message>
        <source>Scroll Down</source>
        <translation>Desplazar hacia abajo</translation>
    </message>
    <message>
        <source>Previous Page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next Page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Triggers the action</source>
        <translation>Desencadena la acción</translation>
    </message>
    <message>
        <source>Increase the value</source>
        <translation>Incrementa el valor</translation>
    </message>
    <message>
        <source>Decrease the value</source>
        <translation>Decrementa el valor</translation>
    </message>
    <message>
        <source>Shows the menu</source>
        <translation>Muestra el menú</translation>
    </message>
    <message>
        <source>Sets the focus</source>
        <translation>Pone el foco</translation>
    </message>
    <message>
        <source>Toggles the state</source>
        <translation>Conmuta el estado</translation>
    </message>
    <message>
        <source>Scrolls to the left</source>
        <translation>Desplazar hacia la izquierda</translation>
    </message>
    <message>
        <source>Scrolls to the right</source>
        <translation>Desplazar hacia la derecha</translation>
    </message>
    <message>
        <source>Scrolls up</source>
        <translation>Desplazar hacia arriba</translation>
    </message>
    <message>
        <source>Scrolls down</source>
        <translation>Desplazar hacia abajo</translation>
    </message>
    <message>
        <source>Goes back a page</source>
        <translation>Retrocede una página</translation>
    </message>
    <message>
        <source>Goes to the next page</source>
        <translation>Va a la página siguiente</translation>
    </message>
</context>
<context>
    <name>QAndroidPlatformTheme</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Yes to All</source>
        <translation>Sí a todo</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>No to All</source>
        <translation>No a todo</translation>
    </message>
</context>
<context>
    <name>QApplication</name>
    <message>
        <source>Executable &apos;%1&apos; requires Qt %2, found Qt %3.</source>
        <translation>El ejecutable «%1» requiere Qt %2 (se encontró Qt %3).</translation>
    </message>
    <message>
        <source>Incompatible Qt Library Error</source>
        <translation>Error: Biblioteca Qt incompatible</translation>
    </message>
</context>
<context>
    <name>QCocoaMenuItem</name>
    <message>
        <source>About Qt</source>
        <translation>Acerca de Qt</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Preference</source>
        <translation>Preferencia</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Cortar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Seleccionar todo</translation>
    </message>
</context>
<context>
    <name>QCocoaTheme</name>
    <message>
        <source>Don&apos;t Save</source>
        <translation>No guardar</translation>
    </message>
</context>
<context>
    <name>QColorDialog</name>
    <message>
        <source>Hu&amp;e:</source>
        <translation>&amp;Tono:</translation>
    </message>
    <message>
        <source>&amp;Sat:</source>
        <translation>&amp;Saturación:</translation>
    </message>
    <message>
        <source>&amp;Val:</source>
        <translation>&amp;Valor:</translation>
    </message>
    <message>
        <source>&amp;Red:</source>
        <translation>&amp;Rojo:</translation>
    </message>
    <message>
        <source>&amp;Green:</source>
        <translation>&amp;Verde:</translation>
    </message>
    <message>
        <source>Bl&amp;ue:</source>
        <translation>Az&amp;ul:</translation>
    </message>
    <message>
        <source>A&amp;lpha channel:</source>
        <translation>Canal a&amp;lfa:</translation>
    </message>
    <message>
        <source>&amp;HTML:</source>
        <translation>&amp;HTML:</translation>
    </message>
    <message>
        <source>Cursor at %1, %2
Press ESC to cancel</source>
        <translation>Cursor en %1, %2
Presiona ESC para cancelar</translation>
    </message>
    <message>
        <source>Select Color</source>
        <translation>Selecciona color</translation>
    </message>
    <message>
        <source>&amp;Basic colors</source>
        <translation>Colores &amp;básicos</translation>
    </message>
    <message>
        <source>&amp;Custom colors</source>
        <translation>&amp;Colores personalizados</translation>
    </message>
    <message>
        <source>&amp;Add to Custom Colors</source>
        <translation>&amp;Añadir a los colores personalizados</translation>
    </message>
    <message>
        <source>&amp;Pick Screen Color</source>
        <translation>Tomar un color de la &amp;pantalla</translation>
    </message>
</context>
<context>
    <name>QComboBox</name>
    <message>
        <source>Open the combo box selection popup</source>
        <translation>Abrir el menú desplegable del combo box</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Falso</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Verdadero</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Displays version information.</source>
        <translation>Muestra la información de versión.</translation>
    </message>
    <message>
        <source>Displays this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>Opción desconocida «%1».</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>Opciones desconocidas: %1.</translation>
    </message>
    <message>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>Falta valor tras «%1».</translation>
    </message>
    <message>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>Valor inesperado tras «%1».</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[opciones]</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Uso: %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Opciones:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Argumentos:</translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <source>%1: key is empty</source>
        <comment>QSystemSemaphore</comment>
        <translation>%1: la clave está vacía</translation>
    </message>
    <message>
        <source>%1: unable to make key</source>
        <comment>QSystemSemaphore</comment>
        <translation>%1: no se puede crear la clave</translation>
    </message>
    <message>
        <source>%1: ftok failed</source>
        <comment>QSystemSemaphore</comment>
        <translation>%1: ftok ha fallado</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>Job</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <source>Job Control</source>
        <translation>Control de Trabajos</translation>
    </message>
    <message>
        <source>Scheduled printing:</source>
        <translation>Impresión programada:</translation>
    </message>
    <message>
        <source>Billing information:</source>
        <translation>Información de facturación:</translation>
    </message>
    <message>
        <source>Job priority:</source>
        <translation>Prioridad del trabajo:</translation>
    </message>
    <message>
        <source>Banner Pages</source>
        <translation>Páginas de cabecera</translation>
    </message>
    <message>
        <source>End:</source>
        <comment>Banner page at end</comment>
        <translation>Final:</translation>
    </message>
    <message>
        <source>Start:</source>
        <comment>Banner page at start</comment>
        <translation>Inicial:</translation>
    </message>
    <message>
        <source>Print Immediately</source>
        <translation>Imprimir inmediatamente</translation>
    </message>
    <message>
        <source>Hold Indefinitely</source>
        <translation>Mantener indefinidamente</translation>
    </message>
    <message>
        <source>Day (06:00 to 17:59)</source>
        <translation>Día (06:00 a 17:59)</translation>
    </message>
    <message>
        <source>Night (18:00 to 05:59)</source>
        <translation>Noche (18:00 a 05:59)</translation>
    </message>
    <message>
        <source>Second Shift (16:00 to 23:59)</source>
        <translation>Segundo cambio (16:00 a 23:59)</translation>
    </message>
    <message>
        <source>Third Shift (00:00 to 07:59)</source>
        <translation>Tercer cambio (00:00 a 07:59)</translation>
    </message>
    <message>
        <source>Weekend (Saturday to Sunday)</source>
        <translation>Fin de semana (Sábado a Domingo)</translation>
    </message>
    <message>
        <source>Specific Time</source>
        <translation>Hora específica</translation>
    </message>
    <message>
        <source>None</source>
        <comment>CUPS Banner page</comment>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Standard</source>
        <comment>CUPS Banner page</comment>
        <translation>Estándar</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <comment>CUPS Banner page</comment>
        <translation>Sin clasificar</translation>
    </message>
    <message>
        <source>Confidential</source>
        <comment>CUPS Banner page</comment>
        <translation>Confidencial</translation>
    </message>
    <message>
        <source>Classified</source>
        <comment>CUPS Banner page</comment>
        <translation>Clasificado</translation>
    </message>
    <message>
        <source>Secret</source>
        <comment>CUPS Banner page</comment>
        <translation>Secreto</translation>
    </message>
    <message>
        <source>Top Secret</source>
        <comment>CUPS Banner page</comment>
        <translation>Alto secreto</translation>
    </message>
</context>
<context>
    <name>QDB2Driver</name>
    <message>
        <source>Unable to connect</source>
        <translation>Imposible establecer una conexión</translation>
    </message>
    <message>
        <source>Unable to commit transaction</source>
        <translation>Incapaz de enviar la transacción</translation>
    </message>
    <message>
        <source>Unable to rollback transaction</source>
        <translation>Incapaz de anular la transacción</translation>
    </message>
    <message>
        <source>Unable to set autocommit</source>
        <translation>Incapaz de activar el envío automático</translation>
    </message>
</context>
<context>
    <name>QDB2Result</name>
    <message>
        <source>Unable to execute statement</source>
        <translation>Imposible ejecutar la instrucción</translation>
    </message>
    <message>
        <source>Unable to prepare statement</source>
        <translation>Imposible preparar la instrucción</translation>
    </message>
    <message>
        <source>Unable to bind variable</source>
        <translation>No es posible ligar la variable</translation>
    </message>
    <message>
        <source>Unable to fetch record %1</source>
        <translation>Imposible obtener el registro %1</translation>
    </message>
    <message>
        <source>Unable to fetch next</source>
        <translation>Imposible recuperar el siguiente</translation>
    </message>
    <message>
        <source>Unable to fetch first</source>
        <translation>Imposible recuperar el primero</translation>
    </message>
</context>
<context>
    <name>QDBusTrayIcon</name>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>QDateTimeParser</name>
    <message>
        <source>AM</source>
        <translation>AM</translation>
    </message>
    <message>
        <source>am</source>
        <translation>am</translation>
    </message>
    <message>
        <source>PM</source>
        <translation>PM</translation>
    </message>
    <message>
        <source>pm</source>
        <translation>pm</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>What&apos;s This?</source>
        <translation>¿Qué es esto?</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>QDirModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Kind</source>
        <comment>Match OS X Finder</comment>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>All other platforms</comment>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Última modificación</translation>
    </message>
</context>
<context>
    <name>QDnsLookup</name>
    <message>
        <source>Operation cancelled</source>
        <translation>Operación cancelada</translation>
    </message>
</context>
<context>
    <name>QDnsLookupRunnable</name>
    <message>
        <source>IPv6 addresses for nameservers are currently not supported</source>
        <translation>Las direcciones IPv6 para los servidores de nombres no están actualmente soportadas</translation>
    </message>
    <message>
        <source>Invalid domain name</source>
        <translation>Nombre de dominio inválido</translation>
    </message>
    <message>
        <source>Not yet supported on Android</source>
        <translation>No está soportado todavía en Android</translation>
    </message>
    <message>
        <source>Resolver functions not found</source>
        <translation>Funciones de resolución no encontradas</translation>
    </message>
    <message>
        <source>Resolver initialization failed</source>
        <translation>Inicialización del Resolver fallada</translation>
    </message>
    <message>
        <source>Server could not process query</source>
        <translation>El Servidor no pudo procesar la consulta</translation>
    </message>
    <message>
        <source>Server failure</source>
        <translation>Fallo del Servidor</translation>
    </message>
    <message>
        <source>Non existent domain</source>
        <translation>Dominio no existente</translation>
    </message>
    <message>
        <source>Server refused to answer</source>
        <translation>El Servidor rechazó contestar</translation>
    </message>
    <message>
        <source>Invalid reply received</source>
        <translation>Respuesta inválida recibida</translation>
    </message>
    <message>
        <source>Could not expand domain name</source>
        <translation>No se pudo expandir el nombre del dominio</translation>
    </message>
    <message>
        <source>Invalid IPv4 address record</source>
        <translation>Registro de dirección IPv4 inválida</translation>
    </message>
    <message>
        <source>Invalid IPv6 address record</source>
        <translation>Registro de dirección IPv6 inválida</translation>
    </message>
    <message>
        <source>Invalid canonical name record</source>
        <translation>Registro de nombre canónico inválido</translation>
    </message>
    <message>
        <source>Invalid name server record</source>
        <translation>Registro de servidor de nombres inválido</translation>
    </message>
    <message>
        <source>Invalid pointer record</source>
        <translation>Registro de puntero inválido</translation>
    </message>
    <message>
        <source>Invalid mail exchange record</source>
        <translation>Registro de intercambio de correo inválido</translation>
    </message>
    <message>
        <source>Invalid service record</source>
        <translation>Registro de servicio inválido</translation>
    </message>
    <message>
        <source>Invalid text record</source>
        <translation>Registro de texto inválido</translation>
    </message>
    <message>
        <source>Resolver library can&apos;t be loaded: No runtime library loading support</source>
        <translation>La biblioteca de resolución no pudo ser cargada: No runtime library loading support</translation>
    </message>
    <message>
        <source>No hostname given</source>
        <translation>No se dio nombre de equipo</translation>
    </message>
    <message>
        <source>Invalid hostname</source>
        <translation>Nombre de equipo inválido</translation>
    </message>
    <message>
        <source>Host %1 could not be found.</source>
        <translation>Nombre de equipo %1 no pudo ser encontrado.</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Error desconocido</translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <source>Float</source>
        <extracomment>Accessible name for button undocking a dock widget (floating state)
</extracomment>
        <translation>Flotante</translation>
    </message>
    <message>
        <source>Undocks and re-attaches the dock widget</source>
        <translation>Desacopla y vuelve a adjuntar el widget acoplable</translation>
    </message>
    <message>
        <source>Close</source>
        <extracomment>Accessible name for button closing a dock widget
</extracomment>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Closes the dock widget</source>
        <translation>Cierra el widget acoplable</translation>
    </message>
</context>
<context>
    <name>QErrorMessage</name>
    <message>
        <source>Debug Message:</source>
        <translation>Mensaje de depuración:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Aviso:</translation>
    </message>
    <message>
        <source>Fatal Error:</source>
        <translation>Error fatal:</translation>
    </message>
    <message>
        <source>&amp;Show this message again</source>
        <translation>Mo&amp;strar este mensaje de nuevo</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;Aceptar</translation>
    </message>
</context>
<context>
    <name>QFile</name>
    <message>
        <source>Destination file is the same file.</source>
        <translation>El archivo de destino es el mismo.</translation>
    </message>
    <message>
        <source>Source file does not exist.</source>
        <translation>El archivo de origen no existe.</translation>
    </message>
    <message>
        <source>Destination file exists</source>
        <translation>El archivo de destino ya existe</translation>
    </message>
    <message>
        <source>Error while renaming.</source>
        <translation>Error durante el renombrado.</translation>
    </message>
    <message>
        <source>Unable to restore from %1: %2</source>
        <translation>No fue posible restaurar desde %1: %2</translation>
    </message>
    <message>
        <source>Will not rename sequential file using block copy</source>
        <translation>No será renombrado el archivo secuencial usando copia por bloques</translation>
    </message>
    <message>
        <source>Cannot remove source file</source>
        <translation>No se puede eliminar el archivo de origen</translation>
    </message>
    <message>
        <source>Cannot open %1 for input</source>
        <translation>No se puede abrir %1 para escritura</translation>
    </message>
    <message>
        <source>Cannot open for output</source>
        <translation>No se puede abrir para salida</translation>
    </message>
    <message>
        <source>Failure to write block</source>
        <translation>Fallo al escribir un bloque</translation>
    </message>
    <message>
        <source>Cannot create %1 for output</source>
        <translation>No se puede crear %1 para escritura</translation>
    </message>
</context>
<context>
    <name>QFileDevice</name>
    <message>
        <source>No file engine available or engine does not support UnMapExtension</source>
        <translation>No hay un motor de archivos disponible o el motor no soporta UnMapExtension</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Buscar en:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Ir atrás</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Izquierda</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Ir hacia delante</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Derecha</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Directorio superior</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>r al directorio superior</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Arriba</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Crear nueva carpeta</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Crear una nueva carpeta</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Vista de lista</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Cambiar el modo de vista de la lista</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Vista detallada</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Cambiar a modo de vista detallada</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Barra lateral</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Lista de lugares y marcadores</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Archivos de tipo:</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Buscar directorio</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Directorio:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nombre de archivo:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Seleccionar</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Mostrar </translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Cambia&amp;r de nombre</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Mostrar los fic&amp;heros ocultos</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Nueva carpeta</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Directorios</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Directorio no encontrado.
Verifique que el nombre del directorio es correcto.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>El archivo %1 ya existe.
¿Desea reemplazarlo?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Archivo no encontrado.
Verifique que el nombre del archivo es correcto.</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Nueva carpeta</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>«%1» está protegido contra escritura.
¿Desea borrarlo de todas formas?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>¿Está seguro de que quiere borrar «%1»?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>No fue posible borrar el directorio.</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Lugares recientes</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Mi equipo</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>%1 File</source>
        <extracomment>%1 is a file name suffix, for example txt
</extracomment>
        <translation>Archivo %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>Nueva carpeta</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Alias</source>
        <comment>OS X Finder</comment>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>Acceso directo</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>%1 TB</source>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>Nombre de archivo no válido</translation>
    </message>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; can not be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuations marks.</source>
        <translation>&lt;b&gt;No se puede utilizar el nombre «%1».&lt;/b&gt;&lt;p&gt;Intente usar otro nombre con menos caracteres o sin signos de puntuación.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Kind</source>
        <comment>Match OS X Finder</comment>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>All other platforms</comment>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Última modificación</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Mi Equipo</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>%1 byte(s)</source>
        <translation>%1 byte(s)</translation>
    </message>
</context>
<context>
    <name>QFontDatabase</name>
    <message>
        <source>Normal</source>
        <comment>The Normal or Regular font weight</comment>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Negrita</translation>
    </message>
    <message>
        <source>Demi Bold</source>
        <translation>Seminegrita</translation>
    </message>
    <message>
        <source>Medium</source>
        <comment>The Medium font weight</comment>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Negra</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Ligera</translation>
    </message>
    <message>
        <source>Thin</source>
        <translation>Delgada</translation>
    </message>
    <message>
        <source>Extra Light</source>
        <translation>ExtraDelgada</translation>
    </message>
    <message>
        <source>Extra Bold</source>
        <translation>ExtraNegrita</translation>
    </message>
    <message>
        <source>Extra</source>
        <extracomment>The word for &quot;Extra&quot; as in &quot;Extra Bold, Extra Thin&quot; used as a pattern for string searches
</extracomment>
        <translation>Extra</translation>
    </message>
    <message>
        <source>Demi</source>
        <extracomment>The word for &quot;Demi&quot; as in &quot;Demi Bold&quot; used as a pattern for string searches
</extracomment>
        <translation>Semi</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Cursiva</translation>
    </message>
    <message>
        <source>Oblique</source>
        <translation>Oblǐcua</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>Latín</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>Griego</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>Cirílico</translation>
    </message>
    <message>
        <source>Armenian</source>
        <translation>Armenio</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>Hebreo</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Árabe</translation>
    </message>
    <message>
        <source>Syriac</source>
        <translation>Siríaco</translation>
    </message>
    <message>
        <source>Thaana</source>
        <translation>Thaana</translation>
    </message>
    <message>
        <source>Devanagari</source>
        <translation>Devanagari</translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation>Bengali</translation>
    </message>
    <message>
        <source>Gurmukhi</source>
        <translation>Gurmukhi</translation>
    </message>
    <message>
        <source>Gujarati</source>
        <translation>Gujarati</translation>
    </message>
    <message>
        <source>Oriya</source>
        <translation>Oriya</translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation>Tamil</translation>
    </message>
    <message>
        <source>Telugu</source>
        <translation>Telugu</translation>
    </message>
    <message>
        <source>Kannada</source>
        <translation>Canarés</translation>
    </message>
    <message>
        <source>Malayalam</source>
        <translation>Malabar</translation>
    </message>
    <message>
        <source>Sinhala</source>
        <translation>Cingalés</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>Tailandés</translation>
    </message>
    <message>
        <source>Lao</source>
        <translation>Lao</translation>
    </message>
    <message>
        <source>Tibetan</source>
        <translation>Tibetano</translation>
    </message>
    <message>
        <source>Myanmar</source>
        <translation>Birmano</translation>
    </message>
    <message>
        <source>Georgian</source>
        <translation>Georgiano</translation>
    </message>
    <message>
        <source>Khmer</source>
        <translation>Jemer</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>Chino Simplificado</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>Chino Tradicional</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japonés</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Coreano</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>Vietnamita</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Símbolo</translation>
    </message>
    <message>
        <source>Ogham</source>
        <translation>Ogam</translation>
    </message>
    <message>
        <source>Runic</source>
        <translation>Rúnico</translation>
    </message>
    <message>
        <source>N&apos;Ko</source>
        <translation>N&apos;Ko</translation>
    </message>
</context>
<context>
    <name>QFontDialog</name>
    <message>
        <source>Select Font</source>
        <translation>Seleccionar un tipo de letra</translation>
    </message>
    <message>
        <source>&amp;Font</source>
        <translation>&amp;Tipo de letra</translation>
    </message>
    <message>
        <source>Font st&amp;yle</source>
        <translation>&amp;Estilo del tipo de letra</translation>
    </message>
    <message>
        <source>&amp;Size</source>
        <translation>&amp;Tamaño</translation>
    </message>
    <message>
        <source>Effects</source>
        <translation>Efectos</translation>
    </message>
    <message>
        <source>Stri&amp;keout</source>
        <translation>&amp;Tachado</translation>
    </message>
    <message>
        <source>&amp;Underline</source>
        <translation>S&amp;ubrayado</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Muestra</translation>
    </message>
    <message>
        <source>Wr&amp;iting System</source>
        <translation>Sistema de escr&amp;itura</translation>
    </message>
</context>
<context>
    <name>QFtp</name>
    <message>
        <source>Not connected</source>
        <translation>No conectado</translation>
    </message>
    <message>
        <source>Host %1 not found</source>
        <translation>Equipo %1 no encontrado</translation>
    </message>
    <message>
        <source>Connection refused to host %1</source>
        <translation>Conexión rechazada al equipo %1</translation>
    </message>
    <message>
        <source>Connection timed out to host %1</source>
        <translation>Tiempo de espera expirado al conectar al servidor %1</translation>
    </message>
    <message>
        <source>Connected to host %1</source>
        <translation>Conectado al equipo %1</translation>
    </message>
    <message>
        <source>Data Connection refused</source>
        <translation>Conexión de datos denegada</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Error desconocido</translation>
    </message>
    <message>
        <source>Connecting to host failed:
%1</source>
        <translation>La conexión con el equipo ha fallado:
%1</translation>
    </message>
    <message>
        <source>Login failed:
%1</source>
        <translation>Identificación fallida:
%1</translation>
    </message>
    <message>
        <source>Listing directory failed:
%1</source>
        <translation>El listado del directorio ha fallado:
%1</translation>
    </message>
    <message>
        <source>Changing directory failed:
%1</source>
        <translation>Fallo del cambio de directorio:
%1</translation>
    </message>
    <message>
        <source>Downloading file failed:
%1</source>
        <translation>Fallo de la descarga del archivo:
%1</translation>
    </message>
    <message>
        <source>Uploading file failed:
%1</source>
        <translation>El envío del archivo ha fallado:
%1</translation>
    </message>
    <message>
        <source>Removing file failed:
%1</source>
        <translation>Eliminación de archivo fallida:
%1</translation>
    </message>
    <message>
        <source>Creating directory failed:
%1</source>
        <translation>Fallo de la creación de un directorio:
%1</translation>
    </message>
    <message>
        <source>Removing directory failed:
%1</source>
        <translation>Eliminación de directorio fallida:
%1</translation>
    </message>
    <message>
        <source>Connection closed</source>
        <translation>Conexión cerrada</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>QHostInfo</name>
    <message>
        <source>No host name given</source>
        <translation>No se dio nombre de equipo</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Error desconocido</translation>
    </message>
</context>
<context>
    <name>QHostInfoAgent</name>
    <message>
        <source>No host name given</source>
        <translation>No se dio nombre de equipo</translation>
    </message>
    <message>
        <source>Invalid hostname</source>
        <translation>Nombre de equipo inválido</translation>
    </message>
    <message>
        <source>Unknown address type</source>
        <translation>Dirección de tipo desconocido</translation>
    </message>
    <message>
        <source>Host not found</source>
        <translation>Equipo no encontrado</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Error desconocido</translation>
    </message>
    <message>
        <source>Unknown error (%1)</source>
        <translation>Error desconocido (%1)</translation>
    </message>
</context>
<context>
    <name>QHttp</name>
    <message>
        <source>Host %1 not found</source>
        <translation>Equipo %1 no encontrado</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Conexión rechazada</translation>
    </message>
    <message>
        <source>Connection closed</source>
        <translation>Conexión cerrada</translation>
    </message>
    <message>
        <source>Proxy requires authentication</source>
        <translation>El proxy requiere autenticación</translation>
    </message>
    <message>
        <source>Host requires authentication</source>
        <translation>El servidor requiere autenticación</translation>
    </message>
    <message>
        <source>Data corrupted</source>
        <translation>Datos corruptos</translation>
    </message>
    <message>
        <source>Unknown protocol specified</source>
        <translation>Protocolo especificado desconocido</translation>
    </message>
    <message>
        <source>SSL handshake failed</source>
        <translation>Falló el handshake SSL</translation>
    </message>
    <message>
        <source>Too many redirects</source>
        <translation>Demasiadas redirecciones</translation>
    </message>
    <message>
        <source>Insecure redirect</source>
        <translation>Redirección insegura</translation>
    </message>
</context>
<context>
    <name>QHttpSocketEngine</name>
    <message>
        <source>Did not receive HTTP response from proxy</source>
        <translation>Respuesta HTTP no recibida del proxy</translation>
    </message>
    <message>
        <source>Error parsing authentication request from proxy</source>
        <translation>Error durante el análisis sintáctico de la petición de autenticación del proxy</translation>
    </message>
    <message>
        <source>Authentication required</source>
        <translation>Se precisa autenticación</translation>
    </message>
    <message>
        <source>Proxy denied connection</source>
        <translation>El proxy denegó la conexión</translation>
    </message>
    <message>
        <source>Error communicating with HTTP proxy</source>
        <translation>Error comunicando con el proxy HTTP</translation>
    </message>
    <message>
        <source>Proxy server not found</source>
        <translation>Servidor proxy no encontrado</translation>
    </message>
    <message>
        <source>Proxy connection refused</source>
        <translation>Conexión con proxy rechazada</translation>
    </message>
    <message>
        <source>Proxy server connection timed out</source>
        <translation>El tiempo de conexión con el servidor proxy ha expirado</translation>
    </message>
    <message>
        <source>Proxy connection closed prematurely</source>
        <translation>La conexión con el proxy se cerró prematuramente</translation>
    </message>
</context>
<context>
    <name>QIBaseDriver</name>
    <message>
        <source>Error opening database</source>
        <translation>Error al abrir la base de datos</translation>
    </message>
    <message>
        <source>Could not start transaction</source>
        <translation>No fue posible iniciar la transacción</translation>
    </message>
    <message>
        <source>Unable to commit transaction</source>
        <translation>Incapaz de enviar la transacción</translation>
    </message>
    <message>
        <source>Unable to rollback transaction</source>
        <translation>Incapaz de anular la transacción</translation>
    </message>
</context>
<context>
    <name>QIBaseResult</name>
    <message>
        <source>Unable to create BLOB</source>
        <translation>Imposible crear un BLOB</translation>
    </message>
    <message>
        <source>Unable to write BLOB</source>
        <translation>Imposible escribir el BLOB</translation>
    </message>
    <message>
        <source>Unable to open BLOB</source>
        <translation>Imposible abrir el BLOB</translation>
    </message>
    <message>
        <source>Unable to read BLOB</source>
        <translation>Imposible leer el BLOB</translation>
    </message>
    <message>
        <source>Could not find array</source>
        <translation>No fue posible encontrar la tabla</translation>
    </message>
    <message>
        <source>Could not get array data</source>
        <translation>No fue posible obtener los datos de la tabla</translation>
    </message>
    <message>
        <source>Could not get query info</source>
        <translation>No fue posible obtener información sobre la consulta</translation>
    </message>
    <message>
        <source>Could not start transaction</source>
        <translation>No fue posible iniciar la transacción</translation>
    </message>
    <message>
        <source>Unable to commit transaction</source>
        <translation>Incapaz de enviar la transacción</translation>
    </message>
    <message>
        <source>Could not allocate statement</source>
        <translation>No fue posible asignar la instrucción</translation>
    </message>
    <message>
        <source>Could not prepare statement</source>
        <translation>No fue posible preparar la instrucción</translation>
    </message>
    <message>
        <source>Could not describe input statement</source>
        <translation>No fue posible describir la instrucción de entrada</translation>
    </message>
    <message>
        <source>Could not describe statement</source>
        <translation>No fue posible describir la instrucción</translation>
    </message>
    <message>
        <source>Unable to close statement</source>
        <translation>No fue posible cerrar la instrucción</translation>
    </message>
    <message>
        <source>Unable to execute query</source>
        <translation>No fue posible ejecutar la consulta</translation>
    </message>
    <message>
        <source>Could not fetch next item</source>
        <translation>No fue posible obtener el elemento siguiente</translation>
    </message>
    <message>
        <source>Could not get statement info</source>
        <translation>No fue posible obtener información sobre la instrucción</translation>
    </message>
</context>
<context>
    <name>QIODevice</name>
    <message>
        <source>Permission denied</source>
        <translation>Permiso denegado</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>Demasiados archivos abiertos simultáneamente</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>No hay ningún archivo o directorio con ese nombre</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>No queda espacio en el dispositivo</translation>
    </message>
    <message>
        <source>file to open is a directory</source>
        <translation>el archivo a abrir es un directorio</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Error desconocido</translation>
    </message>
</context>
<context>
    <name>QImageReader</name>
    <message>
        <source>Invalid device</source>
        <translation>Dispositivo inválido</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>Archivo no encontrado</translation>
    </message>
    <message>
        <source>Unsupported image format</source>
        <translation>Formato de imagen no soportado</translation>
    </message>
    <message>
        <source>Unable to read image data</source>
        <translation>No se puede leer los datos de la imagen</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Error desconocido</translation>
    </message>
</context>
<context>
    <name>QImageWriter</name>
    <message>
        <source>Unknown error</source>
        <translation>Error desconocido</translation>
    </message>
    <message>
        <source>Device is not set</source>
        <translation>El dispositivo no está listo</translation>
    </message>
    <message>
        <source>Device not writable</source>
        <translation>Dispositivo no escribible</translation>
    </message>
    <message>
        <source>Unsupported image format</source>
        <translation>Formato de imagen no soportado</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Introduzca un valor:</translation>
    </message>
</context>
<context>
    <name>QJsonParseError</name>
    <message>
        <source>no error occurred</source>
        <translation>no se ha producido ningún error</translation>
    </message>
    <message>
        <source>unterminated object</source>
        <translation>objeto no terminado</translation>
    </message>
    <message>
        <source>missing name separator</source>
        <translation>falta separador de nombre</translation>
    </message>
    <message>
        <source>unterminated array</source>
        <translation>array no terminado</translation>
    </message>
    <message>
        <source>missing value separator</source>
        <translation>falta separador de valores</translation>
    </message>
    <message>
        <source>illegal value</source>
        <translation>valor ilegal</translation>
    </message>
    <message>
        <source>invalid termination by number</source>
        <translation>terminación inválida por número</translation>
    </message>
    <message>
        <source>illegal number</source>
        <translation>número ilegal</translation>
    </message>
    <message>
        <source>invalid escape sequence</source>
        <translation>secuencia de escape inválida</translation>
    </message>
    <message>
        <source>invalid UTF8 string</source>
        <translation>cadena de texto UTF8 inválida</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>cadena de texto no terminada</translation>
    </message>
    <message>
        <source>object is missing after a comma</source>
        <translation>falta el objeto tras la coma</translation>
    </message>
    <message>
        <source>too deeply nested document</source>
        <translation>documento con demasiados elementos anidados</translation>
    </message>
    <message>
        <source>too large document</source>
        <translation>documento demasiado grande</translation>
    </message>
    <message>
        <source>garbage at the end of the document</source>
        <translation>basura al final del documento</translation>
    </message>
</context>
<context>
    <name>QKeySequenceEdit</name>
    <message>
        <source>Press shortcut</source>
        <translation>Presione el atajo de teclado</translation>
    </message>
    <message>
        <source>%1, ...</source>
        <extracomment>This text is an &quot;unfinished&quot; shortcut, expands like &quot;Ctrl+A, ...&quot;
</extracomment>
        <translation>%1, ...</translation>
    </message>
</context>
<context>
    <name>QLibrary</name>
    <message>
        <source>&apos;%1&apos; is not an ELF object (%2)</source>
        <translation>«%1» no es un objeto ELF (%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ELF object</source>
        <translation>«%1» no es un objeto ELF</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is an invalid ELF object (%2)</source>
        <translation>«%1» es un inválido objeto ELF (%2)</translation>
    </message>
    <message>
        <source>Plugin verification data mismatch in &apos;%1&apos;</source>
        <translation>Los datos de verificación del complemento no coinciden en «%1»</translation>
    </message>
    <message>
        <source>The shared library was not found.</source>
        <translation>No se ha encontrado la biblioteca compartida.</translation>
    </message>
    <message>
        <source>The file &apos;%1&apos; is not a valid Qt plugin.</source>
        <translation>El archivo «%1» no es un complemento de Qt válido.</translation>
    </message>
    <message>
        <source>The plugin &apos;%1&apos; uses incompatible Qt library. (%2.%3.%4) [%5]</source>
        <translation>El complemento «%1» usa una biblioteca Qt incompatible. (%2.%3.%4) [%5]</translation>
    </message>
    <message>
        <source>The plugin &apos;%1&apos; uses incompatible Qt library. (Cannot mix debug and release libraries.)</source>
        <translation>El complemento «%1» usa una biblioteca Qt incompatible. (No se pueden mezclar las bibliotecas de «depuración» y de «distribución».)</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Error desconocido</translation>
    </message>
    <message>
        <source>Cannot load library %1: %2</source>
        <translation>No se puede cargar la biblioteca %1: %2</translation>
    </message>
    <message>
        <source>Cannot unload library %1: %2</source>
        <translation>No se puede descargar la biblioteca %1: %2</translation>
    </message>
    <message>
        <source>Cannot resolve symbol &quot;%1&quot; in %2: %3</source>
        <translation>No se puede resolver el símbolo %1 en %2: %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid Mach-O binary (%2)</source>
        <translation>«%1» es un binario Mach-O inválido (%2)</translation>
    </message>
    <message>
        <source>file is corrupt</source>
        <translation>el archivo está corrupto</translation>
    </message>
    <message>
        <source>file too small</source>
        <translation>archivo demasiado pequeño</translation>
    </message>
    <message>
        <source>no suitable architecture in fat binary</source>
        <translation>no hay una arquitectura válida en el fat binary</translation>
    </message>
    <message>
        <source>invalid magic %1</source>
        <translation>Magic inválido %1</translation>
    </message>
    <message>
        <source>wrong architecture</source>
        <translation>arquitectura incorrecta</translation>
    </message>
    <message>
        <source>not a dynamic library</source>
        <translation>no es una biblioteca dinámica</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Qt plugin</source>
        <translation>«%1» no es un plugin de Qt</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Seleccionar todo</translation>
    </message>
</context>
<context>
    <name>QLocalServer</name>
    <message>
        <source>%1: Name error</source>
        <translation>%1: Error de nombre</translation>
    </message>
    <message>
        <source>%1: Permission denied</source>
        <translation>%1: Permiso denegado</translation>
    </message>
    <message>
        <source>%1: Address in use</source>
        <translation>%1: Dirección en uso</translation>
    </message>
    <message>
        <source>%1: Unknown error %2</source>
        <translation>%1: Error desconocido %2</translation>
    </message>
</context>
<context>
    <name>QLocalSocket</name>
    <message>
        <source>%1: Connection refused</source>
        <translation>%1: Conexión rechazada</translation>
    </message>
    <message>
        <source>%1: Remote closed</source>
        <translation>%1: Conexión cerrada</translation>
    </message>
    <message>
        <source>%1: Invalid name</source>
        <translation>%1: Nombre inválido</translation>
    </message>
    <message>
        <source>%1: Socket access error</source>
        <translation>%1: Error de acceso al socket</translation>
    </message>
    <message>
        <source>%1: Socket resource error</source>
        <translation>%1: Error en el recurso del socket</translation>
    </message>
    <message>
        <source>%1: Socket operation timed out</source>
        <translation>%1: El tiempo de espera en la operación con el socket ha expirado</translation>
    </message>
    <message>
        <source>%1: Datagram too large</source>
        <translation>%1: Datagrama demasiado grande</translation>
    </message>
    <message>
        <source>%1: Connection error</source>
        <translation>%1: Error de conexión</translation>
    </message>
    <message>
        <source>%1: The socket operation is not supported</source>
        <translation>%1: La operación con el socket no está soportada</translation>
    </message>
    <message>
        <source>%1: Operation not permitted when socket is in this state</source>
        <translation>%1: Operación no permitida cuando el socket se encuentra en este estado</translation>
    </message>
    <message>
        <source>%1: Unknown error</source>
        <translation>%1: Error desconocido</translation>
    </message>
    <message>
        <source>Trying to connect while connection is in progress</source>
        <translation>Intentando conectar mientras la conexión está en progreso</translation>
    </message>
    <message>
        <source>%1: Unknown error %2</source>
        <translation>%1: Error desconocido %2</translation>
    </message>
    <message>
        <source>%1: Access denied</source>
        <translation>%1: Acceso denegado</translation>
    </message>
</context>
<context>
    <name>QMYSQLDriver</name>
    <message>
        <source>Unable to allocate a MYSQL object</source>
        <translation>No ha sido posible reservar un objeto MYSQL</translation>
    </message>
    <message>
        <source>Unable to open database &apos;%1&apos;</source>
        <translation>No se puede abrir la base de datos «%1»</translation>
    </message>
    <message>
        <source>Unable to connect</source>
        <translation>No es posible establecer una conexión</translation>
    </message>
    <message>
        <source>Unable to begin transaction</source>
        <translation>No es posible iniciar la transacción</translation>
    </message>
    <message>
        <source>Unable to commit transaction</source>
        <translation>No es posible enviar la transacción</translation>
    </message>
    <message>
        <source>Unable to rollback transaction</source>
        <translation>No es posible anular la transacción</translation>
    </message>
</context>
<context>
    <name>QMYSQLResult</name>
    <message>
        <source>Unable to fetch data</source>
        <translation>No es posible obtener los datos</translation>
    </message>
    <message>
        <source>Unable to execute query</source>
        <translation>No es posible ejecutar la consulta</translation>
    </message>
    <message>
        <source>Unable to store result</source>
        <translation>No es posible almacenar el resultado</translation>
    </message>
    <message>
        <source>Unable to execute next query</source>
        <translation>No se puede ejecutar la siguiente consulta</translation>
    </message>
    <message>
        <source>Unable to store next result</source>
        <translation>No se puede almacenar el siguiente resultado</translation>
    </message>
    <message>
        <source>Unable to prepare statement</source>
        <translation>No es posible preparar la instrucción</translation>
    </message>
    <message>
        <source>Unable to reset statement</source>
        <translation>No es posible reinicializar la instrucción</translation>
    </message>
    <message>
        <source>Unable to bind value</source>
        <translation>No es posible ligar el valor</translation>
    </message>
    <message>
        <source>Unable to execute statement</source>
        <translation>No es posible ejecutar la instrucción</translation>
    </message>
    <message>
        <source>Unable to bind outvalues</source>
        <translation>No es posible ligar los valores de salida</translation>
    </message>
    <message>
        <source>Unable to store statement results</source>
        <translation>No es posible almacenar los resultados de la instrucción</translation>
    </message>
</context>
<context>
    <name>QMdiArea</name>
    <message>
        <source>(Untitled)</source>
        <translation>(Sin título)</translation>
    </message>
</context>
<context>
    <name>QMdiSubWindow</name>
    <message>
        <source>- [%1]</source>
        <translation>- [%1]</translation>
    </message>
    <message>
        <source>%1 - [%2]</source>
        <translation>%1 - [%2]</translation>
    </message>
    <message>
        <source>Minimize</source>
        <translation>Minimizar</translation>
    </message>
    <message>
        <source>Maximize</source>
        <translation>Maximizar</translation>
    </message>
    <message>
        <source>Unshade</source>
        <translation>Des-colapsar</translation>
    </message>
    <message>
        <source>Shade</source>
        <translation>Colapsar</translation>
    </message>
    <message>
        <source>Restore Down</source>
        <translation>Restaurar abajo</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Mover</translation>
    </message>
    <message>
        <source>&amp;Size</source>
        <translation>Redimen&amp;sionar</translation>
    </message>
    <message>
        <source>Mi&amp;nimize</source>
        <translation>Mi&amp;nimizar</translation>
    </message>
    <message>
        <source>Ma&amp;ximize</source>
        <translation>Ma&amp;ximizar</translation>
    </message>
    <message>
        <source>Stay on &amp;Top</source>
        <translation>Permanecer en &amp;primer plano</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Mostrar los detalles...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ocultar los detalles...</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>&lt;h3&gt;About Qt&lt;/h3&gt;&lt;p&gt;This program uses Qt version %1.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Acerca de Qt&lt;/h3&gt;&lt;p&gt;Este programa usa Qt versión %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Qt is a C++ toolkit for cross-platform application development.&lt;/p&gt;&lt;p&gt;Qt provides single-source portability across all major desktop operating systems. It is also available for embedded Linux and other embedded and mobile operating systems.&lt;/p&gt;&lt;p&gt;Qt is available under three different licensing options designed to accommodate the needs of our various users.&lt;/p&gt;&lt;p&gt;Qt licensed under our commercial license agreement is appropriate for development of proprietary/commercial software where you do not want to share any source code with third parties or otherwise cannot comply with the terms of the GNU LGPL version 3 or GNU LGPL version 2.1.&lt;/p&gt;&lt;p&gt;Qt licensed under the GNU LGPL version 3 is appropriate for the development of Qt&amp;nbsp;applications provided you can comply with the terms and conditions of the GNU LGPL version 3.&lt;/p&gt;&lt;p&gt;Qt licensed under the GNU LGPL version 2.1 is appropriate for the development of Qt&amp;nbsp;applications provided you can comply with the terms and conditions of the GNU LGPL version 2.1.&lt;/p&gt;&lt;p&gt;Please see &lt;a href=&quot;http://%2/&quot;&gt;%2&lt;/a&gt; for an overview of Qt licensing.&lt;/p&gt;&lt;p&gt;Copyright (C) %1 The Qt Company Ltd and other contributors.&lt;/p&gt;&lt;p&gt;Qt and the Qt logo are trademarks of The Qt Company Ltd.&lt;/p&gt;&lt;p&gt;Qt is The Qt Company Ltd product developed as an open source project. See &lt;a href=&quot;http://%3/&quot;&gt;%3&lt;/a&gt; for more information.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Qt is a C++ toolkit for cross-platform application development.&lt;/p&gt;&lt;p&gt;Qt provides single-source portability across all major desktop operating systems. It is also available for embedded Linux and other embedded and mobile operating systems.&lt;/p&gt;&lt;p&gt;Qt is available under three different licensing options designed to accommodate the needs of our various users.&lt;/p&gt;&lt;p&gt;Qt licensed under our commercial license agreement is appropriate for development of proprietary/commercial software where you do not want to share any source code with third parties or otherwise cannot comply with the terms of the GNU LGPL version 3 or GNU LGPL version 2.1.&lt;/p&gt;&lt;p&gt;Qt licensed under the GNU LGPL version 3 is appropriate for the development of Qt&amp;nbsp;applications provided you can comply with the terms and conditions of the GNU LGPL version 3.&lt;/p&gt;&lt;p&gt;Qt licensed under the GNU LGPL version 2.1 is appropriate for the development of Qt&amp;nbsp;applications provided you can comply with the terms and conditions of the GNU LGPL version 2.1.&lt;/p&gt;&lt;p&gt;Please see &lt;a href=&quot;http://%2/&quot;&gt;%2&lt;/a&gt; for an overview of Qt licensing.&lt;/p&gt;&lt;p&gt;Copyright (C) %1 The Qt Company Ltd and other contributors.&lt;/p&gt;&lt;p&gt;Qt and the Qt logo are trademarks of The Qt Company Ltd.&lt;/p&gt;&lt;p&gt;Qt is The Qt Company Ltd product developed as an open source project. See &lt;a href=&quot;http://%3/&quot;&gt;%3&lt;/a&gt; for more information.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Acerca de Qt</translation>
    </message>
</context>
<context>
    <name>QNativeSocketEngine</name>
    <message>
        <source>Unable to initialize non-blocking socket</source>
        <translation>Imposible inicializar el socket no bloqueante</translation>
    </message>
    <message>
        <source>Unable to initialize broadcast socket</source>
        <translation>Imposible inicializar el socket de difusión</translation>
    </message>
    <message>
        <source>Attempt to use IPv6 socket on a platform with no IPv6 support</source>
        <translation>Intento de usar un socket IPv6 sobre una plataforma que no contempla IPv6</translation>
    </message>
    <message>
        <source>The remote host closed the connection</source>
        <translation>El equipo remoto ha cerrado la conexión</translation>
    </message>
    <message>
        <source>Network operation timed out</source>
        <translation>La operación de red ha expirado</translation>
    </message>
    <message>
        <source>Out of resources</source>
        <translation>Insuficientes recursos</translation>
    </message>
    <message>
        <source>Unsupported socket operation</source>
        <translation>Operación socket no admitida</translation>
    </message>
    <message>
        <source>Protocol type not supported</source>
        <translation>Tipo de protocolo no admitido</translation>
    </message>
    <message>
        <source>Invalid socket descriptor</source>
        <translation>Descriptor de socket no válido</translation>
    </message>
    <message>
        <source>Host unreachable</source>
        <translation>Equipo inaccesible</translation>
    </message>
    <message>
        <source>Network unreachable</source>
        <translation>Red inalcanzable</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permiso denegado</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>Conexión expirada</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Conexión rechazada</translation>
    </message>
    <message>
        <source>The bound address is already in use</source>
        <translation>La dirección enlazada ya está en uso</translation>
    </message>
    <message>
        <source>The address is not available</source>
        <translation>La dirección no está disponible</translation>
    </message>
    <message>
        <source>The address is protected</source>
        <translation>La dirección está protegida</translation>
    </message>
    <message>
        <source>Datagram was too large to send</source>
        <translation>El datagrama era demasiado grande para poder ser enviado</translation>
    </message>
    <message>
        <source>Unable to send a message</source>
        <translation>Imposible enviar un mensaje</translation>
    </message>
    <message>
        <source>Unable to receive a message</source>
        <translation>Imposible recibir un mensaje</translation>
    </message>
    <message>
        <source>Unable to write</source>
        <translation>Imposible escribir</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Error de red</translation>
    </message>
    <message>
        <source>Another socket is already listening on the same port</source>
        <translation>Ya hay otro socket escuchando por el mismo puerto</translation>
    </message>
    <message>
        <source>Operation on non-socket</source>
        <translation>Operación sobre un no-socket</translation>
    </message>
    <message>
        <source>The proxy type is invalid for this operation</source>
        <translation>El tipo de proxy es inváildo para esta operación</translation>
    </message>
    <message>
        <source>Temporary error</source>
        <translation>Error temporal</translation>
    </message>
    <message>
        <source>Network dropped connection on reset</source>
        <translation>La red cerró la conexión al resetear</translation>
    </message>
    <message>
        <source>Connection reset by peer</source>
        <translation>Conexión reiniciada</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Error desconocido</translation>
    </message>
</context>
<context>
    <name>QNetworkAccessCacheBackend</name>
    <message>
        <source>Error opening %1</source>
        <translation>Error abriendo %1</translation>
    </message>
</context>
<context>
    <name>QNetworkAccessDataBackend</name>
    <message>
        <source>Invalid URI: %1</source>
        <translation>URI inválida: %1</translation>
    </message>
</context>
<context>
    <name>QNetworkAccessDebugPipeBackend</name>
    <message>
        <source>Write error writing to %1: %2</source>
        <translation>Error de escritura escribiendo en %1: %2</translation>
    </message>
    <message>
        <source>Socket error on %1: %2</source>
        <translation>Error de socket en %1: %2</translation>
    </message>
    <message>
        <source>Remote host closed the connection prematurely on %1</source>
        <translation>El equipo remoto cerró la conexión prematuramente en %1</translation>
    </message>
</context>
<context>
    <name>QNetworkAccessFileBackend</name>
    <message>
        <source>Request for opening non-local file %1</source>
        <translation>Petición para abrir el archivo no local %1</translation>
    </message>
    <message>
        <source>Error opening %1: %2</source>
        <translation>Error abriendo %1: %2</translation>
    </message>
    <message>
        <source>Write error writing to %1: %2</source>
        <translation>Error de escritura al escribir en %1: %2</translation>
    </message>
    <message>
        <source>Cannot open %1: Path is a directory</source>
        <translation>No se puede abrir %1: La ruta es un directorio</translation>
    </message>
    <message>
        <source>Read error reading from %1: %2</source>
        <translation>Error de lectura leyendo de %1: %2</translation>
    </message>
</context>
<context>
    <name>QNetworkAccessFtpBackend</name>
    <message>
        <source>No suitable proxy found</source>
        <translation>Proxy válido no encontrado</translation>
    </message>
    <message>
        <source>Cannot open %1: is a directory</source>
        <translation>No se puede abrir %1: es un directorio</translation>
    </message>
    <message>
        <source>Logging in to %1 failed: authentication required</source>
        <translation>Fallo al hacer login en %1: autenticación requerida</translation>
    </message>
    <message>
        <source>Error while downloading %1: %2</source>
        <translation>Error mientras se estaba descargando %1: %2</translation>
    </message>
    <message>
        <source>Error while uploading %1: %2</source>
        <translation>Error mientras se mandaba %1: %2</translation>
    </message>
</context>
<context>
    <name>QNetworkAccessManager</name>
    <message>
        <source>Network access is disabled.</source>
        <translation>Acceso a la red deshabilitado.</translation>
    </message>
</context>
<context>
    <name>QNetworkReply</name>
    <message>
        <source>Error transferring %1 - server replied: %2</source>
        <translation>Error transfiriendo %1- el servidor respondió: %2</translation>
    </message>
    <message>
        <source>Background request not allowed.</source>
        <translation>Petición en segundo plano no permitida.</translation>
    </message>
    <message>
        <source>Network session error.</source>
        <translation>Error de sesión de red.</translation>
    </message>
    <message>
        <source>backend start error.</source>
        <translation>error de iniciación de backend.</translation>
    </message>
    <message>
        <source>Temporary network failure.</source>
        <translation>Fallo temporal de red.</translation>
    </message>
    <message>
        <source>Protocol &quot;%1&quot; is unknown</source>
        <translation>Protocolo %1 desconocido</translation>
    </message>
</context>
<context>
    <name>QNetworkReplyHttpImpl</name>
    <message>
        <source>Operation canceled</source>
        <translation>Operación cancelada</translation>
    </message>
    <message>
        <source>No suitable proxy found</source>
        <translation>No se encontró un proxy válido</translation>
    </message>
</context>
<context>
    <name>QNetworkReplyImpl</name>
    <message>
        <source>Operation canceled</source>
        <translation>Operación cancelada</translation>
    </message>
</context>
<context>
    <name>QNetworkSession</name>
    <message>
        <source>Invalid configuration.</source>
        <translation>Configuración inválida.</translation>
    </message>
</context>
<context>
    <name>QNetworkSessionPrivateImpl</name>
    <message>
        <source>Unknown session error.</source>
        <translation>Error de sesión desconocido.</translation>
    </message>
    <message>
        <source>The session was aborted by the user or system.</source>
        <translation>La sesión fue abortada por el usuario o el sistema.</translation>
    </message>
    <message>
        <source>The requested operation is not supported by the system.</source>
        <translation>La operación solicitada no está soportada por el sistema.</translation>
    </message>
    <message>
        <source>The specified configuration cannot be used.</source>
        <translation>La configuración especificada no puede ser usada.</translation>
    </message>
    <message>
        <source>Roaming was aborted or is not possible.</source>
        <translation>El Roaming fue abortado o no es posible.</translation>
    </message>
</context>
<context>
    <name>QOCIDriver</name>
    <message>
        <source>Unable to initialize</source>
        <comment>QOCIDriver</comment>
        <translation>La inicialización ha fallado</translation>
    </message>
    <message>
        <source>Unable to logon</source>
        <translation>No es posible abrir sesión</translation>
    </message>
    <message>
        <source>Unable to begin transaction</source>
        <translation>No es posible iniciar la transacción</translation>
    </message>
    <message>
        <source>Unable to commit transaction</source>
        <translation>No es posible enviar la transacción</translation>
    </message>
    <message>
        <source>Unable to rollback transaction</source>
        <translation>No se puede revertir la transacción</translation>
    </message>
</context>
<context>
    <name>QOCIResult</name>
    <message>
        <source>Unable to bind column for batch execute</source>
        <translation>No es posible ligar la columna para una ejecución por lotes</translation>
    </message>
    <message>
        <source>Unable to execute batch statement</source>
        <translation>No es posible ejecutar la instrucción por lotes</translation>
    </message>
    <message>
        <source>Unable to goto next</source>
        <translation>No es posible pasar al siguiente</translation>
    </message>
    <message>
        <source>Unable to alloc statement</source>
        <translation>No es posible asignar la instrucción</translation>
    </message>
    <message>
        <source>Unable to prepare statement</source>
        <translation>No es posible preparar la instrucción</translation>
    </message>
    <message>
        <source>Unable to get statement type</source>
        <translation>No se ha podido obtener el tipo de instrucción</translation>
    </message>
    <message>
        <source>Unable to bind value</source>
        <translation>No es posible ligar el valor</translation>
    </message>
    <message>
        <source>Unable to execute statement</source>
        <translation>No es posible ejecutar la instrucción</translation>
    </message>
</context>
<context>
    <name>QODBCDriver</name>
    <message>
        <source>Unable to connect</source>
        <translation>No es posible establecer una conexión</translation>
    </message>
    <message>
        <source>Unable to connect - Driver doesn&apos;t support all functionality required</source>
        <translation>No se puede conectar - El driver no soporta toda la funcionalidad requerida</translation>
    </message>
    <message>
        <source>Unable to disable autocommit</source>
        <translation>No es posible inhabilitar el envío automático</translation>
    </message>
    <message>
        <source>Unable to commit transaction</source>
        <translation>No es posible enviar la transacción</translation>
    </message>
    <message>
        <source>Unable to rollback transaction</source>
        <translation>No es posible anular la transacción</translation>
    </message>
    <message>
        <source>Unable to enable autocommit</source>
        <translation>No es posible habilitar el envío automático</translation>
    </message>
</context>
<context>
    <name>QODBCResult</name>
    <message>
        <source>Unable to fetch last</source>
        <translation>No se ha podido recuperar el último</translation>
    </message>
    <message>
        <source>QODBCResult::reset: Unable to set &apos;SQL_CURSOR_STATIC&apos; as statement attribute. Please check your ODBC driver configuration</source>
        <translation>QODBCResult::reset: No es posible establecer «SQL_CURSOR_STATIC» como atributo de instrucción. Compruebe la configuración de su controlador ODBC</translation>
    </message>
    <message>
        <source>Unable to execute statement</source>
        <translation>No es posible ejecutar la instrucción</translation>
    </message>
    <message>
        <source>Unable to fetch</source>
        <translation>No se ha podido recuperar</translation>
    </message>
    <message>
        <source>Unable to fetch next</source>
        <translation>No es posible obtener el siguiente</translation>
    </message>
    <message>
        <source>Unable to fetch first</source>
        <translation>No se ha podido recuperar el primero</translation>
    </message>
    <message>
        <source>Unable to fetch previous</source>
        <translation>No se ha podido recuperar el previo</translation>
    </message>
    <message>
        <source>Unable to prepare statement</source>
        <translation>No es posible preparar la instrucción</translation>
    </message>
    <message>
        <source>Unable to bind variable</source>
        <translation>No es posible ligar la variable</translation>
    </message>
</context>
<context>
    <name>QPSQLDriver</name>
    <message>
        <source>Unable to connect</source>
        <translation>No es posible establecer conexión</translation>
    </message>
    <message>
        <source>Could not begin transaction</source>
        <translation>No fue posible iniciar la transacción</translation>
    </message>
    <message>
        <source>Could not commit transaction</source>
        <translation>No fue posible enviar la transacción</translation>
    </message>
    <message>
        <source>Could not rollback transaction</source>
        <translation>No fue posible anular la transacción</translation>
    </message>
    <message>
        <source>Unable to subscribe</source>
        <translation>No se ha podido dar de subscribir</translation>
    </message>
    <message>
        <source>Unable to unsubscribe</source>
        <translation>No se ha podido de-subscribir</translation>
    </message>
</context>
<context>
    <name>QPSQLResult</name>
    <message>
        <source>Unable to create query</source>
        <translation>No es posible crear la consulta</translation>
    </message>
    <message>
        <source>Unable to prepare statement</source>
        <translation>No se ha podido preparar la instrucción</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Form</source>
        <translation>Formulario</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Tamaño de página:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Ancho:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Alto:</translation>
    </message>
    <message>
        <source>Paper source:</source>
        <translation>Fuente del papel:</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientación</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Vertical</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Apaisado</translation>
    </message>
    <message>
        <source>Reverse landscape</source>
        <translation>Apaisado invertido</translation>
    </message>
    <message>
        <source>Reverse portrait</source>
        <translation>Vertical invertido</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Márgenes</translation>
    </message>
    <message>
        <source>top margin</source>
        <translation>Margen superior</translation>
    </message>
    <message>
        <source>left margin</source>
        <translation>Margen izquierdo</translation>
    </message>
    <message>
        <source>right margin</source>
        <translation>Margen derecho</translation>
    </message>
    <message>
        <source>bottom margin</source>
        <translation>Margen inferior</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translation>Diseño de página</translation>
    </message>
    <message>
        <source>Page order:</source>
        <translation>Orden de páginas:</translation>
    </message>
    <message>
        <source>Pages per sheet:</source>
        <translation>Páginas por hoja:</translation>
    </message>
    <message>
        <source>Millimeters (mm)</source>
        <translation>Milímetros (mm)</translation>
    </message>
    <message>
        <source>Inches (in)</source>
        <translation>Pulgadas (in)</translation>
    </message>
    <message>
        <source>Points (pt)</source>
        <translation>Puntos (pt)</translation>
    </message>
    <message>
        <source>Pica (P̸)</source>
        <translation>Picas (P̸)</translation>
    </message>
    <message>
        <source>Didot (DD)</source>
        <translation>Didot (DD)</translation>
    </message>
    <message>
        <source>Cicero (CC)</source>
        <translation>Cicero (CC)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source>mm</source>
        <extracomment>Unit &apos;Millimeter&apos;
</extracomment>
        <translation>mm</translation>
    </message>
    <message>
        <source>pt</source>
        <extracomment>Unit &apos;Points&apos;
</extracomment>
        <translation>pt</translation>
    </message>
    <message>
        <source>in</source>
        <extracomment>Unit &apos;Inch&apos;
</extracomment>
        <translation>in</translation>
    </message>
    <message>
        <source>P̸</source>
        <extracomment>Unit &apos;Pica&apos;
</extracomment>
        <translation>P̸</translation>
    </message>
    <message>
        <source>DD</source>
        <extracomment>Unit &apos;Didot&apos;
</extracomment>
        <translation>DD</translation>
    </message>
    <message>
        <source>CC</source>
        <extracomment>Unit &apos;Cicero&apos;
</extracomment>
        <translation>CC</translation>
    </message>
</context>
<context>
    <name>QPageSize</name>
    <message>
        <source>Custom (%1mm x %2mm)</source>
        <extracomment>Custom size name in millimeters
</extracomment>
        <translation>Personalizado (%1mm x %2mm)</translation>
    </message>
    <message>
        <source>Custom (%1pt x %2pt)</source>
        <extracomment>Custom size name in points
</extracomment>
        <translation>Personalizado (%1pt x %2pt)</translation>
    </message>
    <message>
        <source>Custom (%1in x %2in)</source>
        <extracomment>Custom size name in inches
</extracomment>
        <translation>Personalizado (%1mm x %2mm)</translation>
    </message>
    <message>
        <source>Custom (%1pc x %2pc)</source>
        <extracomment>Custom size name in picas
</extracomment>
        <translation>Personalizado (%1pc x %2pc)</translation>
    </message>
    <message>
        <source>Custom (%1DD x %2DD)</source>
        <extracomment>Custom size name in didots
</extracomment>
        <translation>Personalizado (%1DD x %2DD)</translation>
    </message>
    <message>
        <source>Custom (%1CC x %2CC)</source>
        <extracomment>Custom size name in ciceros
</extracomment>
        <translation>Personalizado (%1CC x %2CC)</translation>
    </message>
    <message>
        <source>%1 x %2 in</source>
        <extracomment>Page size in &apos;Inch&apos;.
</extracomment>
        <translation>%1 x %2 in</translation>
    </message>
    <message>
        <source>A0</source>
        <translation>A0</translation>
    </message>
    <message>
        <source>A1</source>
        <translation>A1</translation>
    </message>
    <message>
        <source>A2</source>
        <translation>A2</translation>
    </message>
    <message>
        <source>A3</source>
        <translation>A3</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <source>A6</source>
        <translation>A6</translation>
    </message>
    <message>
        <source>A7</source>
        <translation>A7</translation>
    </message>
    <message>
        <source>A8</source>
        <translation>A8</translation>
    </message>
    <message>
        <source>A9</source>
        <translation>A9</translation>
    </message>
    <message>
        <source>A10</source>
        <translation>A10</translation>
    </message>
    <message>
        <source>B0</source>
        <translation>B0</translation>
    </message>
    <message>
        <source>B1</source>
        <translation>B1</translation>
    </message>
    <message>
        <source>B2</source>
        <translation>B2</translation>
    </message>
    <message>
        <source>B3</source>
        <translation>B3</translation>
    </message>
    <message>
        <source>B4</source>
        <translation>B4</translation>
    </message>
    <message>
        <source>B5</source>
        <translation>B5</translation>
    </message>
    <message>
        <source>B6</source>
        <translation>B6</translation>
    </message>
    <message>
        <source>B7</source>
        <translation>B7</translation>
    </message>
    <message>
        <source>B8</source>
        <translation>B8</translation>
    </message>
    <message>
        <source>B9</source>
        <translation>B9</translation>
    </message>
    <message>
        <source>B10</source>
        <translation>B10</translation>
    </message>
    <message>
        <source>Executive (7.5 x 10 in)</source>
        <translation>Ejecutivo (7.5 x 10 in)</translation>
    </message>
    <message>
        <source>Executive (7.25 x 10.5 in)</source>
        <translation>Ejecutivo (7.25 x 10.5 in)</translation>
    </message>
    <message>
        <source>Folio (8.27 x 13 in)</source>
        <translation>Folio (8.27 x 13 in)</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>Legal</translation>
    </message>
    <message>
        <source>Letter / ANSI A</source>
        <translation>Carta / ANSI A</translation>
    </message>
    <message>
        <source>Tabloid / ANSI B</source>
        <translation>Tabloide / ANSI B</translation>
    </message>
    <message>
        <source>Ledger / ANSI B</source>
        <translation>Libro mayor / ANSI B</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source>A3 Extra</source>
        <translation>A3 Extra</translation>
    </message>
    <message>
        <source>A4 Extra</source>
        <translation>A4 Extra</translation>
    </message>
    <message>
        <source>A4 Plus</source>
        <translation>A4 Plus</translation>
    </message>
    <message>
        <source>A4 Small</source>
        <translation>A4 Pequeño</translation>
    </message>
    <message>
        <source>A5 Extra</source>
        <translation>A5 Extra</translation>
    </message>
    <message>
        <source>B5 Extra</source>
        <translation>B5 Extra</translation>
    </message>
    <message>
        <source>JIS B0</source>
        <translation>JIS B0</translation>
    </message>
    <message>
        <source>JIS B1</source>
        <translation>JIS B1</translation>
    </message>
    <message>
        <source>JIS B2</source>
        <translation>JIS B2</translation>
    </message>
    <message>
        <source>JIS B3</source>
        <translation>JIS B3</translation>
    </message>
    <message>
        <source>JIS B4</source>
        <translation>JIS B4</translation>
    </message>
    <message>
        <source>JIS B5</source>
        <translation>JIS B5</translation>
    </message>
    <message>
        <source>JIS B6</source>
        <translation>JIS B6</translation>
    </message>
    <message>
        <source>JIS B7</source>
        <translation>JIS B7</translation>
    </message>
    <message>
        <source>JIS B8</source>
        <translation>JIS B8</translation>
    </message>
    <message>
        <source>JIS B9</source>
        <translation>JIS B9</translation>
    </message>
    <message>
        <source>JIS B10</source>
        <translation>JIS B10</translation>
    </message>
    <message>
        <source>ANSI C</source>
        <translation>ANSI C</translation>
    </message>
    <message>
        <source>ANSI D</source>
        <translation>ANSI D</translation>
    </message>
    <message>
        <source>ANSI E</source>
        <translation>ANSI E</translation>
    </message>
    <message>
        <source>Legal Extra</source>
        <translation>Legal extra</translation>
    </message>
    <message>
        <source>Letter Extra</source>
        <translation>Carta extra</translation>
    </message>
    <message>
        <source>Letter Plus</source>
        <translation>Carta plus</translation>
    </message>
    <message>
        <source>Letter Small</source>
        <translation>Carta pequeña</translation>
    </message>
    <message>
        <source>Tabloid Extra</source>
        <translation>Tabloide extra</translation>
    </message>
    <message>
        <source>Architect A</source>
        <translation>Arquitecto A</translation>
    </message>
    <message>
        <source>Architect B</source>
        <translation>Arquitecto B</translation>
    </message>
    <message>
        <source>Architect C</source>
        <translation>Arquitecto C</translation>
    </message>
    <message>
        <source>Architect D</source>
        <translation>Arquitecto C</translation>
    </message>
    <message>
        <source>Architect E</source>
        <translation>Arquitecto E</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Quarto</source>
        <translation>Quarto</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Declaración</translation>
    </message>
    <message>
        <source>Super A</source>
        <translation>Super A</translation>
    </message>
    <message>
        <source>Super B</source>
        <translation>Super B</translation>
    </message>
    <message>
        <source>Postcard</source>
        <translation>Tarjeta postal</translation>
    </message>
    <message>
        <source>Double Postcard</source>
        <translation>Tarjeta postal doble</translation>
    </message>
    <message>
        <source>PRC 16K</source>
        <translation>PRC 16K</translation>
    </message>
    <message>
        <source>PRC 32K</source>
        <translation>PRC 32K</translation>
    </message>
    <message>
        <source>PRC 32K Big</source>
        <translation>PRC 32K grande</translation>
    </message>
    <message>
        <source>Fan-fold US (14.875 x 11 in)</source>
        <translation>Pliegue de ventilador EEUU (14.875 x 11 in)</translation>
    </message>
    <message>
        <source>Fan-fold German (8.5 x 12 in)</source>
        <translation>Pliegue de ventilador Alemán (8.5 x 12 in)</translation>
    </message>
    <message>
        <source>Fan-fold German Legal (8.5 x 13 in)</source>
        <translation>Pliegue de ventilador Alemán Legal (8.5 x 13 in)</translation>
    </message>
    <message>
        <source>Envelope B4</source>
        <translation>Sobre B4</translation>
    </message>
    <message>
        <source>Envelope B5</source>
        <translation>Sobre B5</translation>
    </message>
    <message>
        <source>Envelope B6</source>
        <translation>Sobre B6</translation>
    </message>
    <message>
        <source>Envelope C0</source>
        <translation>Sobre C0</translation>
    </message>
    <message>
        <source>Envelope C1</source>
        <translation>Sobre C1</translation>
    </message>
    <message>
        <source>Envelope C2</source>
        <translation>Sobre C2</translation>
    </message>
    <message>
        <source>Envelope C3</source>
        <translation>Sobre C3</translation>
    </message>
    <message>
        <source>Envelope C4</source>
        <translation>Sobre C4</translation>
    </message>
    <message>
        <source>Envelope C5</source>
        <translation>Sobre C5</translation>
    </message>
    <message>
        <source>Envelope C6</source>
        <translation>Sobre C6</translation>
    </message>
    <message>
        <source>Envelope C65</source>
        <translation>Sobre C65</translation>
    </message>
    <message>
        <source>Envelope C7</source>
        <translation>Sobre C7</translation>
    </message>
    <message>
        <source>Envelope DL</source>
        <translation>Sobre DL</translation>
    </message>
    <message>
        <source>Envelope US 9</source>
        <translation>Sobre EEUU 9</translation>
    </message>
    <message>
        <source>Envelope US 10</source>
        <translation>Sobre EEUU 10</translation>
    </message>
    <message>
        <source>Envelope US 11</source>
        <translation>Sobre EEUU 11</translation>
    </message>
    <message>
        <source>Envelope US 12</source>
        <translation>Sobre EEUU 12</translation>
    </message>
    <message>
        <source>Envelope US 14</source>
        <translation>Sobre EEUU 14</translation>
    </message>
    <message>
        <source>Envelope Monarch</source>
        <translation>Sobre Monarca</translation>
    </message>
    <message>
        <source>Envelope Personal</source>
        <translation>Sobre Personal</translation>
    </message>
    <message>
        <source>Envelope Chou 3</source>
        <translation>Sobre Cho 3</translation>
    </message>
    <message>
        <source>Envelope Chou 4</source>
        <translation>Sobre Cho 4</translation>
    </message>
    <message>
        <source>Envelope Invite</source>
        <translation>Sobre invitación</translation>
    </message>
    <message>
        <source>Envelope Italian</source>
        <translation>Sobre Italiano</translation>
    </message>
    <message>
        <source>Envelope Kaku 2</source>
        <translation>Sobre Kaku 2</translation>
    </message>
    <message>
        <source>Envelope Kaku 3</source>
        <translation>Sobre Kaku 3</translation>
    </message>
    <message>
        <source>Envelope PRC 1</source>
        <translation>Sobre PRC 1</translation>
    </message>
    <message>
        <source>Envelope PRC 2</source>
        <translation>Sobre PRC 2</translation>
    </message>
    <message>
        <source>Envelope PRC 3</source>
        <translation>Sobre PRC 3</translation>
    </message>
    <message>
        <source>Envelope PRC 4</source>
        <translation>Sobre PRC 4</translation>
    </message>
    <message>
        <source>Envelope PRC 5</source>
        <translation>Sobre PRC 5</translation>
    </message>
    <message>
        <source>Envelope PRC 6</source>
        <translation>Sobre PRC 6</translation>
    </message>
    <message>
        <source>Envelope PRC 7</source>
        <translation>Sobre PRC 7</translation>
    </message>
    <message>
        <source>Envelope PRC 8</source>
        <translation>Sobre PRC 8</translation>
    </message>
    <message>
        <source>Envelope PRC 9</source>
        <translation>Sobre PRC 9</translation>
    </message>
    <message>
        <source>Envelope PRC 10</source>
        <translation>Sobre PRC 10</translation>
    </message>
    <message>
        <source>Envelope You 4</source>
        <translation>Sobre You 4</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Guardar todo</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Sí</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Sí a &amp;todo</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;o a todo</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Interrumpir</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reinicializar</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Restaurar los valores predeterminados</translation>
    </message>
</context>
<context>
    <name>QPluginLoader</name>
    <message>
        <source>The plugin was not loaded.</source>
        <translation>El complemento no fue cargado.</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Error desconocido</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Left to Right, Top to Bottom</source>
        <translation>Izquierda a derecha, arriba a abajo</translation>
    </message>
    <message>
        <source>Left to Right, Bottom to Top</source>
        <translation>Izquierda a derecha, abajo a arriba</translation>
    </message>
    <message>
        <source>Right to Left, Bottom to Top</source>
        <translation>Derecha a izquierda, abajo a arriba</translation>
    </message>
    <message>
        <source>Right to Left, Top to Bottom</source>
        <translation>Derecha A izquierda, arriba a abajo</translation>
    </message>
    <message>
        <source>Bottom to Top, Left to Right</source>
        <translation>Abajo a arriba, izquierda a derecha</translation>
    </message>
    <message>
        <source>Bottom to Top, Right to Left</source>
        <translation>Abajo a arriba, derecha a izquierda</translation>
    </message>
    <message>
        <source>Top to Bottom, Left to Right</source>
        <translation>Arriba a abajo, izquierda a derecha</translation>
    </message>
    <message>
        <source>Top to Bottom, Right to Left</source>
        <translation>Arriba a abajo, derecha a izquierda</translation>
    </message>
    <message>
        <source>1 (1x1)</source>
        <translation>1 (1x1)</translation>
    </message>
    <message>
        <source>2 (2x1)</source>
        <translation>2 (2x1)</translation>
    </message>
    <message>
        <source>4 (2x2)</source>
        <translation>4 (2x2)</translation>
    </message>
    <message>
        <source>6 (2x3)</source>
        <translation>6 (2x3)</translation>
    </message>
    <message>
        <source>9 (3x3)</source>
        <translation>9 (3x3)</translation>
    </message>
    <message>
        <source>16 (4x4)</source>
        <translation>16 (4x4)</translation>
    </message>
    <message>
        <source>All Pages</source>
        <translation>Todas las páginas</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translation>Páginas impares</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translation>Páginas pares</translation>
    </message>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation>&amp;Opciones &gt;&gt;</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>Im&amp;primir</translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translation>&amp;Opciones &lt;&lt;</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translation>Imprimir a archivo (PDF)</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>Archivo local</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translation>Escribir archivo PDF</translation>
    </message>
    <message>
        <source>Print To File ...</source>
        <translation>Imprimir a archivo...</translation>
    </message>
    <message>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translation>%1 es un directorio.
Elija un nombre de archivo diferente.</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>No se puede escribir en el archivo %1.
Elija un nombre de archivo diferente.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translation>%1 ya existe.
¿Desea sobrescribirlo?</translation>
    </message>
    <message>
        <source>Options &apos;Pages Per Sheet&apos; and &apos;Page Set&apos; cannot be used together.
Please turn one of those options off.</source>
        <translation>Opciones «Páginas por Hoja» y «Set de Páginas» No pueden ser usadas a la vez.
Por favor desactiva una de las opciones.</translation>
    </message>
    <message>
        <source>The &apos;From&apos; value cannot be greater than the &apos;To&apos; value.</source>
        <translation>El campo «De» no puede ser mayor que el valor del campo «A».</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Page Setup</source>
        <translation>Configuración de página</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Previsualizar impresión</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Primera página</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Última página</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar ancho</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Ajustar página</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Vertical</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Apaisado</translation>
    </message>
    <message>
        <source>Show single page</source>
        <translation>Mostrar página única</translation>
    </message>
    <message>
        <source>Show facing pages</source>
        <translation>Mostrar páginas enfrentadas</translation>
    </message>
    <message>
        <source>Show overview of all pages</source>
        <translation>Mostrar una vista de todas las páginas</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Page setup</source>
        <translation>Configuración de página</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation>Exportar a PDF</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Printer Properties</source>
        <translation>Propiedades de impresora</translation>
    </message>
    <message>
        <source>Job Options</source>
        <translation>Opciones de trabajo</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Form</source>
        <translation>Formulario</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Form</source>
        <translation>Formulario</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copias</translation>
    </message>
    <message>
        <source>Print range</source>
        <translation>Imprimir el intervalo</translation>
    </message>
    <message>
        <source>Print all</source>
        <translation>Imprimir todo</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translation>Páginas desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translation>Página Actual</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Selección</translation>
    </message>
    <message>
        <source>Page Set:</source>
        <translation>Set de páginas:</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translation>Configuración de salida</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>Copias:</translation>
    </message>
    <message>
        <source>Collate</source>
        <translation>Recopilar</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Inverso</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translation>Modo de color</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Escala de grises</translation>
    </message>
    <message>
        <source>Duplex Printing</source>
        <translation>Impresión a doble cara</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Long side</source>
        <translation>Lado largo</translation>
    </message>
    <message>
        <source>Short side</source>
        <translation>Lado corto</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>Form</source>
        <translation>Formulario</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>P&amp;ropiedades</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Ubicación:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Previsualización</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>&amp;Archivo de salida:</translation>
    </message>
    <message>
        <source>...</source>
        <translation>...</translation>
    </message>
</context>
<context>
    <name>QProcess</name>
    <message>
        <source>Process failed to start</source>
        <translation>El proceso no se ha podido iniciar</translation>
    </message>
    <message>
        <source>Process crashed</source>
        <translation>Fallo en el proceso</translation>
    </message>
    <message>
        <source>Process operation timed out</source>
        <translation>Tiempo de espera para la operación con el proceso ha expirado</translation>
    </message>
    <message>
        <source>Error reading from process</source>
        <translation>Error leyendo del proceso</translation>
    </message>
    <message>
        <source>Error writing to process</source>
        <translation>Error escribiendo al proceso</translation>
    </message>
    <message>
        <source>No program defined</source>
        <translation>No se ha definido un proceso</translation>
    </message>
    <message>
        <source>Could not open input redirection for reading</source>
        <translation>No se puede abrir la redirección de entrada para lectura</translation>
    </message>
    <message>
        <source>Resource error (fork failure): %1</source>
        <translation>Error de recurso (fallo al bifurcar el proceso): %1</translation>
    </message>
    <message>
        <source>Could not open output redirection for writing</source>
        <translation>No se puede abrir la redirección de salida para escritura</translation>
    </message>
    <message>
        <source>Process failed to start: %1</source>
        <translation>El proceso no se ha podido iniciar: %1</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>QQnxFileDialogHelper</name>
    <message>
        <source>All files (*.*)</source>
        <translation>Todos los archivos (*.*)</translation>
    </message>
</context>
<context>
    <name>QQnxFilePicker</name>
    <message>
        <source>Pick a file</source>
        <translation>Seleccione un archivo</translation>
    </message>
</context>
<context>
    <name>QRegExp</name>
    <message>
        <source>no error occurred</source>
        <translation>no se ha producido ningún error</translation>
    </message>
    <message>
        <source>disabled feature used</source>
        <translation>se ha usado una característica no habilitada</translation>
    </message>
    <message>
        <source>bad char class syntax</source>
        <translation>sintaxis no válida para clase de caracteres</translation>
    </message>
    <message>
        <source>bad lookahead syntax</source>
        <translation>sintaxis no válida para lookahead</translation>
    </message>
    <message>
        <source>lookbehinds not supported, see QTBUG-2371</source>
        <translation>los lookbehinds no están soportados, mire QTBUG-2371</translation>
    </message>
    <message>
        <source>bad repetition syntax</source>
        <translation>sintaxis no válida para repetición</translation>
    </message>
    <message>
        <source>invalid octal value</source>
        <translation>valor octal no válido</translation>
    </message>
    <message>
        <source>missing left delim</source>
        <translation>falta el delimitador izquierdo</translation>
    </message>
    <message>
        <source>unexpected end</source>
        <translation>fin inesperado</translation>
    </message>
    <message>
        <source>met internal limit</source>
        <translation>se alcanzó el límite interno</translation>
    </message>
    <message>
        <source>invalid interval</source>
        <translation>intervalo inválido</translation>
    </message>
    <message>
        <source>invalid category</source>
        <translation>categoría inválida</translation>
    </message>
</context>
<context>
    <name>QRegularExpression</name>
    <message>
        <source>no error</source>
        <translation>no hay errores</translation>
    </message>
    <message>
        <source>\ at end of pattern</source>
        <translation>\ al final del patrón</translation>
    </message>
    <message>
        <source>\c at end of pattern</source>
        <translation>\c al final del patrón</translation>
    </message>
    <message>
        <source>unrecognized character follows \</source>
        <translation>carácter no reconocido tras \</translation>
    </message>
    <message>
        <source>numbers out of order in {} quantifier</source>
        <translation>números no ordenados en el cuantificador {}</translation>
    </message>
    <message>
        <source>number too big in {} quantifier</source>
        <translation>número demasiado grande en el cuantificador {}</translation>
    </message>
    <message>
        <source>missing terminating ] for character class</source>
        <translation>falta el terminador ] para la clase carácter</translation>
    </message>
    <message>
        <source>invalid escape sequence in character class</source>
        <translation>secuencia de escape inválida en clase carácter</translation>
    </message>
    <message>
        <source>range out of order in character class</source>
        <translation>rango fuera de servicio in clase carácter</translation>
    </message>
    <message>
        <source>nothing to repeat</source>
        <translation>nada que repetir</translation>
    </message>
    <message>
        <source>internal error: unexpected repeat</source>
        <translation>error interno: repetición inesperada</translation>
    </message>
    <message>
        <source>unrecognized character after (? or (?-</source>
        <translation>carácter no reconocido tras (? o (?-</translation>
    </message>
    <message>
        <source>POSIX named classes are supported only within a class</source>
        <translation>nombre POSIX de clases sólo están soportados dentro de una clase</translation>
    </message>
    <message>
        <source>missing )</source>
        <translation>falta un )</translation>
    </message>
    <message>
        <source>reference to non-existent subpattern</source>
        <translation>referencia a un subpatrón inexistente</translation>
    </message>
    <message>
        <source>erroffset passed as NULL</source>
        <translation>erroffset pasada como NULL</translation>
    </message>
    <message>
        <source>unknown option bit(s) set</source>
        <translation>bit(s) de opción desconocido establecidos</translation>
    </message>
    <message>
        <source>missing ) after comment</source>
        <translation>falta ) tras el comentario</translation>
    </message>
    <message>
        <source>regular expression is too large</source>
        <translation>la expresión regular es muy grande</translation>
    </message>
    <message>
        <source>failed to get memory</source>
        <translation>fallo al obtener la memoria</translation>
    </message>
    <message>
        <source>unmatched parentheses</source>
        <translation>paréntesis sin pareja</translation>
    </message>
    <message>
        <source>internal error: code overflow</source>
        <translation>error interno: código desbordado</translation>
    </message>
    <message>
        <source>unrecognized character after (?&lt;</source>
        <translation>carácter no reconocido tras (?&lt;</translation>
    </message>
    <message>
        <source>lookbehind assertion is not fixed length</source>
        <translation>la aserción lookbehind no tiene tamaño fijo</translation>
    </message>
    <message>
        <source>malformed number or name after (?(</source>
        <translation>nombre o número mal formado tras (?(</translation>
    </message>
    <message>
        <source>conditional group contains more than two branches</source>
        <translation>el grupo condicional contiene más de dos ramificaciones</translation>
    </message>
    <message>
        <source>assertion expected after (?(</source>
        <translation>afirmación esperada tras (?(</translation>
    </message>
    <message>
        <source>(?R or (?[+-]digits must be followed by )</source>
        <translation>(?R o (?[+-]dígitos deben ser seguidos por )</translation>
    </message>
    <message>
        <source>unknown POSIX class name</source>
        <translation>nombre de clase POSIX desconocido</translation>
    </message>
    <message>
        <source>POSIX collating elements are not supported</source>
        <translation>elementos de clasificación POSIX no están soportados</translation>
    </message>
    <message>
        <source>this version of PCRE is not compiled with PCRE_UTF8 support</source>
        <translation>esta versión de PCRE no está compilada con soporte PCRE_UTF8</translation>
    </message>
    <message>
        <source>character value in \x{...} sequence is too large</source>
        <translation>valor carácter en \x{...} la secuencia es muy grande</translation>
    </message>
    <message>
        <source>invalid condition (?(0)</source>
        <translation>condición inválida (?(0)</translation>
    </message>
    <message>
        <source>\C not allowed in lookbehind assertion</source>
        <translation>\C no permitida en afirmaciones lookbehind</translation>
    </message>
    <message>
        <source>PCRE does not support \L, \l, \N{name}, \U, or \u</source>
        <translation>PCRE no soporta \L, \l, \N{nombre}, \U o \u</translation>
    </message>
    <message>
        <source>number after (?C is &gt; 255</source>
        <translation>número mayor que 255 tras (?C</translation>
    </message>
    <message>
        <source>closing ) for (?C expected</source>
        <translation>cierre de paréntesis ) esperado para (?C</translation>
    </message>
    <message>
        <source>recursive call could loop indefinitely</source>
        <translation>llamada recursiva puede entrar en un bucle infinito</translation>
    </message>
    <message>
        <source>unrecognized character after (?P</source>
        <translation>carácter nor reconocido tras (?P</translation>
    </message>
    <message>
        <source>syntax error in subpattern name (missing terminator)</source>
        <translation>error de sintaxis en el subpatrón (falta el terminador)</translation>
    </message>
    <message>
        <source>two named subpatterns have the same name</source>
        <translation>dos subpatrones con nombre tienen el mismo nombre</translation>
    </message>
    <message>
        <source>invalid UTF-8 string</source>
        <translation>cadena de texto UTF-8 inválida</translation>
    </message>
    <message>
        <source>support for \P, \p, and \X has not been compiled</source>
        <translation>no se ha compilado el soporte para \P, \p y \X</translation>
    </message>
    <message>
        <source>malformed \P or \p sequence</source>
        <translation>secuencia \P o \p mal formada</translation>
    </message>
    <message>
        <source>unknown property name after \P or \p</source>
        <translation>nombre de propiedad desconocido tras \P o \p</translation>
    </message>
    <message>
        <source>subpattern name is too long (maximum 32 characters)</source>
        <translation>el nombre de subpatrón es demasiado grande (máximo de 32 caracteres)</translation>
    </message>
    <message>
        <source>too many named subpatterns (maximum 10000)</source>
        <translation>demasiados subpatrones con nombre (el máximo es 10000)</translation>
    </message>
    <message>
        <source>octal value is greater than \377 (not in UTF-8 mode)</source>
        <translation>valor octal es mayor que \377 (no está en modo UTF-8)</translation>
    </message>
    <message>
        <source>internal error: overran compiling workspace</source>
        <translation>error interno: espacio de trabajo rebasado durante compilación</translation>
    </message>
    <message>
        <source>internal error: previously-checked referenced subpattern not found</source>
        <translation>error interno: subpatrón previamente referenciado no encontrado</translation>
    </message>
    <message>
        <source>DEFINE group contains more than one branch</source>
        <translation>el grupo DEFINE contiene más de una bifurcación</translation>
    </message>
    <message>
        <source>repeating a DEFINE group is not allowed</source>
        <translation>la repetición de un grupo DEFINE no está permitida</translation>
    </message>
    <message>
        <source>inconsistent NEWLINE options</source>
        <translation>opciones para NEWLINE inconsistentes</translation>
    </message>
    <message>
        <source>\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number</source>
        <translation>\g no está seguido por un nombre/número entre llaves, entre símbolos de ángulo o entre comillas o un número simple</translation>
    </message>
    <message>
        <source>a numbered reference must not be zero</source>
        <translation>una referencia numerada no puede ser cero</translation>
    </message>
    <message>
        <source>an argument is not allowed for (*ACCEPT), (*FAIL), or (*COMMIT)</source>
        <translation>un argumento no está permitido para (*ACCEPT), (*FAIL) o (*COMMIT)</translation>
    </message>
    <message>
        <source>(*VERB) not recognized</source>
        <translation>(*VERB) no está reconocido</translation>
    </message>
    <message>
        <source>number is too big</source>
        <translation>el número es muy grande</translation>
    </message>
    <message>
        <source>subpattern name expected</source>
        <translation>se esperaba un nombre de subpatrón</translation>
    </message>
    <message>
        <source>digit expected after (?+</source>
        <translation>se esperaba un dígito tras (?+</translation>
    </message>
    <message>
        <source>] is an invalid data character in JavaScript compatibility mode</source>
        <translation>] es un carácter inválido en el modo de compatibilidad con JavaScript</translation>
    </message>
    <message>
        <source>different names for subpatterns of the same number are not allowed</source>
        <translation>no están permitidos los nombres diferentes para subpatrones del mismo número</translation>
    </message>
    <message>
        <source>(*MARK) must have an argument</source>
        <translation>(*MARK) debe tener un argumento</translation>
    </message>
    <message>
        <source>this version of PCRE is not compiled with PCRE_UCP support</source>
        <translation>esta versión de PCRE no está compilada con soporte PCRE_UCP</translation>
    </message>
    <message>
        <source>\c must be followed by an ASCII character</source>
        <translation>\c debe ser seguido por un carácter ASCII</translation>
    </message>
    <message>
        <source>\k is not followed by a braced, angle-bracketed, or quoted name</source>
        <translation>\k no está seguido de unas llaves, mayor-que/menor-que o un nombre entre comillas</translation>
    </message>
    <message>
        <source>internal error: unknown opcode in find_fixedlength()</source>
        <translation>error interno: código de operación desconocido in find_fixedlength()</translation>
    </message>
    <message>
        <source>\N is not supported in a class</source>
        <translation>\N no está soportado en una clase</translation>
    </message>
    <message>
        <source>too many forward references</source>
        <translation>demasiadas referencias adelantadas</translation>
    </message>
    <message>
        <source>disallowed Unicode code point (&gt;= 0xd800 &amp;&amp; &lt;= 0xdfff)</source>
        <translation>código Unicode no permitido (&gt;= 0xd800 &amp;&amp; &lt;= 0xdfff)</translation>
    </message>
    <message>
        <source>invalid UTF-16 string</source>
        <translation>cadena de texto UTF-16 inválida</translation>
    </message>
    <message>
        <source>name is too long in (*MARK), (*PRUNE), (*SKIP), or (*THEN)</source>
        <translation>nombre demasiado grande en (*MARK), (*PRUNE), (*SKIP) o (*THEN)</translation>
    </message>
    <message>
        <source>character value in \u.... sequence is too large</source>
        <translation>valor de carácter en \u... la secuencia es demasiado larga</translation>
    </message>
    <message>
        <source>invalid UTF-32 string</source>
        <translation>cadena de texto UTF-32 inválida</translation>
    </message>
    <message>
        <source>setting UTF is disabled by the application</source>
        <translation>usar UTF está deshabilitado por la aplicación</translation>
    </message>
    <message>
        <source>non-hex character in \x{} (closing brace missing?)</source>
        <translation>carácter no hexadecimal en \x{} (¿es posible que se haya olvidado el carácter «}»?)</translation>
    </message>
    <message>
        <source>non-octal character in \o{} (closing brace missing?)</source>
        <translation>carácter no octal en \o{} (¿es posible que se haya olvidado el carácter «}»?)</translation>
    </message>
    <message>
        <source>missing opening brace after \o</source>
        <translation>falta una llave tras \o</translation>
    </message>
    <message>
        <source>parentheses are too deeply nested</source>
        <translation>paréntesis tiene demasiados elementos anidados</translation>
    </message>
    <message>
        <source>invalid range in character class</source>
        <translation>rango inválido en la clase carácter</translation>
    </message>
    <message>
        <source>group name must start with a non-digit</source>
        <translation>nombre de grupo debe de empezar por un carácter no dígito</translation>
    </message>
    <message>
        <source>parentheses are too deeply nested (stack check)</source>
        <translation>demasiados paréntesis han sido anidados (chequeo de pila)</translation>
    </message>
    <message>
        <source>digits missing in \x{} or \o{}</source>
        <translation>faltan dígitos en \x{} o \o{}</translation>
    </message>
</context>
<context>
    <name>QSQLite2Driver</name>
    <message>
        <source>Error opening database</source>
        <translation>Error al abrir la base de datos</translation>
    </message>
    <message>
        <source>Unable to begin transaction</source>
        <translation>No es posible iniciar la transacción</translation>
    </message>
    <message>
        <source>Unable to commit transaction</source>
        <translation>No es posible enviar la transacción</translation>
    </message>
    <message>
        <source>Unable to rollback transaction</source>
        <translation>No es posible anular la transacción</translation>
    </message>
</context>
<context>
    <name>QSQLite2Result</name>
    <message>
        <source>Unable to fetch results</source>
        <translation>No es posible obtener los resultados</translation>
    </message>
    <message>
        <source>Unable to execute statement</source>
        <translation>No es posible ejecutar la instrucción</translation>
    </message>
</context>
<context>
    <name>QSQLiteDriver</name>
    <message>
        <source>Error opening database</source>
        <translation>Error al abrir la base de datos</translation>
    </message>
    <message>
        <source>Error closing database</source>
        <translation>Error al cerrar la base de datos</translation>
    </message>
    <message>
        <source>Unable to begin transaction</source>
        <translation>No es posible iniciar la transacción</translation>
    </message>
    <message>
        <source>Unable to commit transaction</source>
        <translation>No es posible enviar la transacción</translation>
    </message>
    <message>
        <source>Unable to rollback transaction</source>
        <translation>No se ha podido revertir la transacción</translation>
    </message>
</context>
<context>
    <name>QSQLiteResult</name>
    <message>
        <source>Unable to fetch row</source>
        <translation>No es posible obtener la fila</translation>
    </message>
    <message>
        <source>No query</source>
        <translation>Consulta vacía</translation>
    </message>
    <message>
        <source>Unable to execute statement</source>
        <translation>No es posible ejecutar la instrucción</translation>
    </message>
    <message>
        <source>Unable to execute multiple statements at a time</source>
        <translation>No es posible ejecutar múltiples instrucciones al mismo tiempo</translation>
    </message>
    <message>
        <source>Unable to reset statement</source>
        <translation>No es posible reinicializar la instrucción</translation>
    </message>
    <message>
        <source>Unable to bind parameters</source>
        <translation>No es posible ligar los parámetros</translation>
    </message>
    <message>
        <source>Parameter count mismatch</source>
        <translation>Número de parámetros incorrecto</translation>
    </message>
</context>
<context>
    <name>QSaveFile</name>
    <message>
        <source>Existing file %1 is not writable</source>
        <translation>El archivo existente %1 no es grabable</translation>
    </message>
    <message>
        <source>Filename refers to a directory</source>
        <translation>El nombre de archivo se refiere a un directorio</translation>
    </message>
    <message>
        <source>Writing canceled by application</source>
        <translation>Escritura cancelada por la aplicación</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>Desplazar hasta aquí</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Borde izquierdo</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Parte superior</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Borde derecho</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Parte inferior</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>Una página a la izquierda</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Una página hacia arriba</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>Una página a la derecha</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Una página hacia abajo</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>Desplazar hacia la izquierda</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Desplazar hacia arriba</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>Desplazar hacia la derecha</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Desplazar hacia abajo</translation>
    </message>
</context>
<context>
    <name>QSharedMemory</name>
    <message>
        <source>%1: unable to set key on lock</source>
        <translation>%1: no se ha podido poner clave en bloqueo</translation>
    </message>
    <message>
        <source>%1: create size is less then 0</source>
        <translation>%1: el tamaño de creación is menor que 0</translation>
    </message>
    <message>
        <source>%1: unable to lock</source>
        <translation>%1: no se ha podido bloquear</translation>
    </message>
    <message>
        <source>%1: unable to unlock</source>
        <translation>%1: no se ha podido desbloquear</translation>
    </message>
    <message>
        <source>%1: key is empty</source>
        <translation>%1: la clave está vacía</translation>
    </message>
    <message>
        <source>%1: bad name</source>
        <translation>%1: nombre inválido</translation>
    </message>
    <message>
        <source>%1: UNIX key file doesn&apos;t exist</source>
        <translation>%1: el archivo clave UNIX no existe</translation>
    </message>
    <message>
        <source>%1: ftok failed</source>
        <translation>%1: ftok falló</translation>
    </message>
    <message>
        <source>%1: unable to make key</source>
        <translation>%1: imposible crear clave</translation>
    </message>
    <message>
        <source>%1: system-imposed size restrictions</source>
        <translation>%1: el sistema ha impuesto restricciones de tamaño</translation>
    </message>
    <message>
        <source>%1: not attached</source>
        <translation>%1: no adjuntado</translation>
    </message>
    <message>
        <source>%1: permission denied</source>
        <translation>%1: permiso denegado</translation>
    </message>
    <message>
        <source>%1: already exists</source>
        <translation>%1: ya existe</translation>
    </message>
    <message>
        <source>%1: doesn&apos;t exist</source>
        <translation>%1: no existe</translation>
    </message>
    <message>
        <source>%1: out of resources</source>
        <translation>%1: falta de recursos</translation>
    </message>
    <message>
        <source>%1: unknown error %2</source>
        <translation>%1: error desconocido %2</translation>
    </message>
    <message>
        <source>%1: invalid size</source>
        <translation>%1: tamaño inválido</translation>
    </message>
    <message>
        <source>%1: key error</source>
        <translation>%1: error de clave</translation>
    </message>
    <message>
        <source>%1: size query failed</source>
        <translation>%1: la consulta del tamaño falló</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Space</source>
        <extracomment>This and all following &quot;incomprehensible&quot; strings in QShortcut context are key names. Please use the localized names appearing on actual keyboards or whatever is commonly used.
</extracomment>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Escape</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulador</translation>
    </message>
    <message>
        <source>Backtab</source>
        <translation>Tabulador hacia atrás</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retorno</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Ins</source>
        <translation>Insertar</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Suprimir</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir pantalla</translation>
    </message>
    <message>
        <source>SysReq</source>
        <translation>PetSis</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Arriba</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Abajo</translation>
    </message>
    <message>
        <source>PgUp</source>
        <translation>Re Pág</translation>
    </message>
    <message>
        <source>PgDown</source>
        <translation>Av Pág</translation>
    </message>
    <message>
        <source>CapsLock</source>
        <translation>Bloq Mayús</translation>
    </message>
    <message>
        <source>NumLock</source>
        <translation>Bloqueo Numérico</translation>
    </message>
    <message>
        <source>ScrollLock</source>
        <translation>Bloqueo Desplazamiento</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Volume Down</source>
        <translation>Bajar el volumen</translation>
    </message>
    <message>
        <source>Volume Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Volume Up</source>
        <translation>Subir el volumen</translation>
    </message>
    <message>
        <source>Bass Boost</source>
        <translation>Potenciar los graves</translation>
    </message>
    <message>
        <source>Bass Up</source>
        <translation>Subir los graves</translation>
    </message>
    <message>
        <source>Bass Down</source>
        <translation>Bajar los graves</translation>
    </message>
    <message>
        <source>Treble Up</source>
        <translation>Subir los agudos</translation>
    </message>
    <message>
        <source>Treble Down</source>
        <translation>Bajar los agudos</translation>
    </message>
    <message>
        <source>Media Play</source>
        <translation>Reproducir el medio</translation>
    </message>
    <message>
        <source>Media Stop</source>
        <translation>Detener el medio</translation>
    </message>
    <message>
        <source>Media Previous</source>
        <translation>Medio anterior</translation>
    </message>
    <message>
        <source>Media Next</source>
        <translation>Siguiente medio</translation>
    </message>
    <message>
        <source>Media Record</source>
        <translation>Grabar medio</translation>
    </message>
    <message>
        <source>Media Pause</source>
        <extracomment>Media player pause button
</extracomment>
        <translation>Pausar Medio</translation>
    </message>
    <message>
        <source>Toggle Media Play/Pause</source>
        <extracomment>Media player button to toggle between playing and paused
</extracomment>
        <translation>Reproducir/Pausar Medio</translation>
    </message>
    <message>
        <source>Home Page</source>
        <translation>Página de inicio</translation>
    </message>
    <message>
        <source>Favorites</source>
        <translation>Favoritos</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>Reposo</translation>
    </message>
    <message>
        <source>Open URL</source>
        <translation>Abrir URL</translation>
    </message>
    <message>
        <source>Launch Mail</source>
        <translation>Lanzar correo</translation>
    </message>
    <message>
        <source>Launch Media</source>
        <translation>Lanzar medio</translation>
    </message>
    <message>
        <source>Launch (0)</source>
        <translation>Lanzar (0)</translation>
    </message>
    <message>
        <source>Launch (1)</source>
        <translation>Lanzar (1)</translation>
    </message>
    <message>
        <source>Launch (2)</source>
        <translation>Lanzar (2)</translation>
    </message>
    <message>
        <source>Launch (3)</source>
        <translation>Lanzar (3)</translation>
    </message>
    <message>
        <source>Launch (4)</source>
        <translation>Lanzar (4)</translation>
    </message>
    <message>
        <source>Launch (5)</source>
        <translation>Lanzar (5)</translation>
    </message>
    <message>
        <source>Launch (6)</source>
        <translation>Lanzar (6)</translation>
    </message>
    <message>
        <source>Launch (7)</source>
        <translation>Lanzar (7)</translation>
    </message>
    <message>
        <source>Launch (8)</source>
        <translation>Lanzar (8)</translation>
    </message>
    <message>
        <source>Launch (9)</source>
        <translation>Lanzar (9)</translation>
    </message>
    <message>
        <source>Launch (A)</source>
        <translation>Lanzar (A)</translation>
    </message>
    <message>
        <source>Launch (B)</source>
        <translation>Lanzar (B)</translation>
    </message>
    <message>
        <source>Launch (C)</source>
        <translation>Lanzar (C)</translation>
    </message>
    <message>
        <source>Launch (D)</source>
        <translation>Lanzar (D)</translation>
    </message>
    <message>
        <source>Launch (E)</source>
        <translation>Lanzar (E)</translation>
    </message>
    <message>
        <source>Launch (F)</source>
        <translation>Lanzar (F)</translation>
    </message>
    <message>
        <source>Monitor Brightness Up</source>
        <translation>Subir brillo del monitor</translation>
    </message>
    <message>
        <source>Monitor Brightness Down</source>
        <translation>Bajar brillo del monitor</translation>
    </message>
    <message>
        <source>Keyboard Light On/Off</source>
        <translation>Luces del teclado encendidas/apagadas</translation>
    </message>
    <message>
        <source>Keyboard Brightness Up</source>
        <translation>Subir brillo del teclado</translation>
    </message>
    <message>
        <source>Keyboard Brightness Down</source>
        <translation>Bajar brillo del teclado</translation>
    </message>
    <message>
        <source>Power Off</source>
        <translation>Apagar</translation>
    </message>
    <message>
        <source>Wake Up</source>
        <translation>Despertar</translation>
    </message>
    <message>
        <source>Eject</source>
        <translation>Expulsar</translation>
    </message>
    <message>
        <source>Screensaver</source>
        <translation>Salvapantallas</translation>
    </message>
    <message>
        <source>WWW</source>
        <translation>WWW</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>Dormir</translation>
    </message>
    <message>
        <source>LightBulb</source>
        <translation>Bombilla</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Tienda</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Add Favorite</source>
        <translation>Añadir favorito</translation>
    </message>
    <message>
        <source>Hot Links</source>
        <translation>Enlaces directos</translation>
    </message>
    <message>
        <source>Adjust Brightness</source>
        <translation>Ajustar brillo</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finanzas</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>Media Rewind</source>
        <translation>Rebobinar medio</translation>
    </message>
    <message>
        <source>Back Forward</source>
        <translation>De vuelta atrás</translation>
    </message>
    <message>
        <source>Application Left</source>
        <translation>Aplicación izquierda</translation>
    </message>
    <message>
        <source>Application Right</source>
        <translation>Aplicación derecha</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Libro</translation>
    </message>
    <message>
        <source>CD</source>
        <translation>CD</translation>
    </message>
    <message>
        <source>Calculator</source>
        <translation>Calculadora</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <source>Clear Grab</source>
        <translation>Eliminar Bloqueo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Cortar</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>DOS</source>
        <translation>DOS</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation>Hoja de Cálculo</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Navegador</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Juego</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Ir</translation>
    </message>
    <message>
        <source>iTouch</source>
        <translation>iTouch</translation>
    </message>
    <message>
        <source>Logoff</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Mercado</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Keyboard Menu</source>
        <translation>Menú de teclado</translation>
    </message>
    <message>
        <source>Menu PB</source>
        <translation>Menú PB</translation>
    </message>
    <message>
        <source>My Sites</source>
        <translation>Mis Sitios</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Noticias</translation>
    </message>
    <message>
        <source>Home Office</source>
        <translation>Oficina en casa</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Opción</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>Rotate Windows</source>
        <translation>Rotar ventanas</translation>
    </message>
    <message>
        <source>Rotation PB</source>
        <translation>Rotar PB</translation>
    </message>
    <message>
        <source>Rotation KB</source>
        <translation>Rotar KB</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Spellchecker</source>
        <translation>Corrector ortográfico</translation>
    </message>
    <message>
        <source>Split Screen</source>
        <translation>Pantalla partida</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Soporte</translation>
    </message>
    <message>
        <source>Task Panel</source>
        <translation>Panel de tareas</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Herramientas</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Viajar</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Word Processor</source>
        <translation>Procesador de textos</translation>
    </message>
    <message>
        <source>XFer</source>
        <translation>XFer</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation>Mensajero</translation>
    </message>
    <message>
        <source>WebCam</source>
        <translation>Cámara web</translation>
    </message>
    <message>
        <source>Mail Forward</source>
        <translation>Reenviar correo</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Música</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batería</translation>
    </message>
    <message>
        <source>Bluetooth</source>
        <translation>Bluetooth</translation>
    </message>
    <message>
        <source>Wireless</source>
        <translation>Conexión inalámbrica</translation>
    </message>
    <message>
        <source>Ultra Wide Band</source>
        <translation>Ultra banda ancha</translation>
    </message>
    <message>
        <source>Media Fast Forward</source>
        <translation>Avance rápido el medio</translation>
    </message>
    <message>
        <source>Audio Repeat</source>
        <translation>Repetición de audio</translation>
    </message>
    <message>
        <source>Audio Random Play</source>
        <translation>Reproducción aleatoria de audio</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Subtítulos</translation>
    </message>
    <message>
        <source>Audio Cycle Track</source>
        <translation>Repetir pistas de audio</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Hibernate</source>
        <translation>Hibernar</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Vista</translation>
    </message>
    <message>
        <source>Top Menu</source>
        <translation>Menú Superior</translation>
    </message>
    <message>
        <source>Power Down</source>
        <translation>Apagar</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspender</translation>
    </message>
    <message>
        <source>Microphone Mute</source>
        <translation>Silenciar micrófono</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rojo</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Verde</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Amarillo</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Azul</translation>
    </message>
    <message>
        <source>Channel Up</source>
        <translation>Canal arriba</translation>
    </message>
    <message>
        <source>Channel Down</source>
        <translation>Canal abajo</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Guía</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Microphone Volume Up</source>
        <translation>Subir volumen del micrófono</translation>
    </message>
    <message>
        <source>Microphone Volume Down</source>
        <translation>Bajar volumen del micrófono</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Print Screen</source>
        <translation>Imprimir pantalla</translation>
    </message>
    <message>
        <source>Page Up</source>
        <translation>Retroceder página</translation>
    </message>
    <message>
        <source>Page Down</source>
        <translation>Avanzar página</translation>
    </message>
    <message>
        <source>Caps Lock</source>
        <translation>Bloqueo de mayúsculas</translation>
    </message>
    <message>
        <source>Num Lock</source>
        <translation>Bloqueo numérico</translation>
    </message>
    <message>
        <source>Number Lock</source>
        <translation>Bloqueo numérico</translation>
    </message>
    <message>
        <source>Scroll Lock</source>
        <translation>Bloqueo del desplazamiento</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insertar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Escape</translation>
    </message>
    <message>
        <source>System Request</source>
        <translation>Petición del sistema</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Seleccionar</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Context1</source>
        <translation>Contexto1</translation>
    </message>
    <message>
        <source>Context2</source>
        <translation>Contexto2</translation>
    </message>
    <message>
        <source>Context3</source>
        <translation>Contexto3</translation>
    </message>
    <message>
        <source>Context4</source>
        <translation>Contexto4</translation>
    </message>
    <message>
        <source>Call</source>
        <extracomment>Button to start a call (note: a separate button is used to end the call)
</extracomment>
        <translation>Llamar</translation>
    </message>
    <message>
        <source>Hangup</source>
        <extracomment>Button to end a call (note: a separate button is used to start the call)
</extracomment>
        <translation>Descolgar</translation>
    </message>
    <message>
        <source>Toggle Call/Hangup</source>
        <extracomment>Button that will hang up if we&apos;re in call, or make a call if we&apos;re not.
</extracomment>
        <translation>Alternar llamar/colgar</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Voltear</translation>
    </message>
    <message>
        <source>Voice Dial</source>
        <extracomment>Button to trigger voice dialing
</extracomment>
        <translation>Marcación por voz</translation>
    </message>
    <message>
        <source>Last Number Redial</source>
        <extracomment>Button to redial the last number called
</extracomment>
        <translation>Re-llamar último número</translation>
    </message>
    <message>
        <source>Camera Shutter</source>
        <extracomment>Button to trigger the camera shutter (take a picture)
</extracomment>
        <translation>Obturador de cámara</translation>
    </message>
    <message>
        <source>Camera Focus</source>
        <extracomment>Button to focus the camera
</extracomment>
        <translation>Enfoque de cámara</translation>
    </message>
    <message>
        <source>Kanji</source>
        <translation>Kanji</translation>
    </message>
    <message>
        <source>Muhenkan</source>
        <translation>Muhenkan</translation>
    </message>
    <message>
        <source>Henkan</source>
        <translation>Henkan</translation>
    </message>
    <message>
        <source>Romaji</source>
        <translation>Romaji</translation>
    </message>
    <message>
        <source>Hiragana</source>
        <translation>Hiragana</translation>
    </message>
    <message>
        <source>Katakana</source>
        <translation>Katakana</translation>
    </message>
    <message>
        <source>Hiragana Katakana</source>
        <translation>Hiragana Katakana</translation>
    </message>
    <message>
        <source>Zenkaku</source>
        <translation>Zenkaku</translation>
    </message>
    <message>
        <source>Hankaku</source>
        <translation>Hankaku</translation>
    </message>
    <message>
        <source>Zenkaku Hankaku</source>
        <translation>Zenkaku Hankaku</translation>
    </message>
    <message>
        <source>Touroku</source>
        <translation>Touroku</translation>
    </message>
    <message>
        <source>Massyo</source>
        <translation>Massyo</translation>
    </message>
    <message>
        <source>Kana Lock</source>
        <translation>Bloqueo Kana</translation>
    </message>
    <message>
        <source>Kana Shift</source>
        <translation>Cambio Kana</translation>
    </message>
    <message>
        <source>Eisu Shift</source>
        <translation>Cambio Eisu</translation>
    </message>
    <message>
        <source>Eisu toggle</source>
        <translation>Alternar Eisu</translation>
    </message>
    <message>
        <source>Code input</source>
        <translation>Introducción de Código</translation>
    </message>
    <message>
        <source>Multiple Candidate</source>
        <translation>Candidatos Múltiples</translation>
    </message>
    <message>
        <source>Previous Candidate</source>
        <translation>Candidato Anterior</translation>
    </message>
    <message>
        <source>Hangul</source>
        <translation>Hangul</translation>
    </message>
    <message>
        <source>Hangul Start</source>
        <translation>Inicio Hangul</translation>
    </message>
    <message>
        <source>Hangul End</source>
        <translation>Final Hangul</translation>
    </message>
    <message>
        <source>Hangul Hanja</source>
        <translation>Hangul Hanga</translation>
    </message>
    <message>
        <source>Hangul Jamo</source>
        <translation>Hangul Jamo</translation>
    </message>
    <message>
        <source>Hangul Romaja</source>
        <translation>Hangul Romaja</translation>
    </message>
    <message>
        <source>Hangul Jeonja</source>
        <translation>Hangul Jeonja</translation>
    </message>
    <message>
        <source>Hangul Banja</source>
        <translation>Hangul Banja</translation>
    </message>
    <message>
        <source>Hangul PreHanja</source>
        <translation>Hangul PreHanja</translation>
    </message>
    <message>
        <source>Hangul PostHanja</source>
        <translation>Hangul PostHanja</translation>
    </message>
    <message>
        <source>Hangul Special</source>
        <translation>Hangul Especial</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <source>Execute</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Touchpad Toggle</source>
        <translation>Alternar teclado táctil</translation>
    </message>
    <message>
        <source>Touchpad On</source>
        <translation>Encender teclado táctil</translation>
    </message>
    <message>
        <source>Touchpad Off</source>
        <translation>Apagar teclado táctil</translation>
    </message>
    <message>
        <source>Ctrl</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Mayúsculas</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Num</source>
        <translation>Núm</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>F%1</source>
        <translation>F%1</translation>
    </message>
</context>
<context>
    <name>QSocks5SocketEngine</name>
    <message>
        <source>Connection to proxy refused</source>
        <translation>Conexión al proxy rechazada</translation>
    </message>
    <message>
        <source>Connection to proxy closed prematurely</source>
        <translation>La conexión con el proxy se cerró prematuramente</translation>
    </message>
    <message>
        <source>Proxy host not found</source>
        <translation>El servidor no se ha encontrado</translation>
    </message>
    <message>
        <source>Connection to proxy timed out</source>
        <translation>El tiempo de conexión al proxy expiró</translation>
    </message>
    <message>
        <source>Proxy authentication failed</source>
        <translation>La autenticación del proxy falló</translation>
    </message>
    <message>
        <source>Proxy authentication failed: %1</source>
        <translation>La autenticación del proxy falló: %1</translation>
    </message>
    <message>
        <source>SOCKS version 5 protocol error</source>
        <translation>SOCK versión 5 error de protocolo</translation>
    </message>
    <message>
        <source>General SOCKSv5 server failure</source>
        <translation>Fallo general del servidor SOCKSv5</translation>
    </message>
    <message>
        <source>Connection not allowed by SOCKSv5 server</source>
        <translation>Conexión no permitida por el servidor SOCKSv5</translation>
    </message>
    <message>
        <source>TTL expired</source>
        <translation>TTL expirado</translation>
    </message>
    <message>
        <source>SOCKSv5 command not supported</source>
        <translation>Comando no soportado por SOCKSv5</translation>
    </message>
    <message>
        <source>Address type not supported</source>
        <translation>Tipo de dirección no soportada</translation>
    </message>
    <message>
        <source>Unknown SOCKSv5 proxy error code 0x%1</source>
        <translation>Código de error de SOCKSv5 proxy desconocido 0x%1</translation>
    </message>
    <message>
        <source>Network operation timed out</source>
        <translation>El tiempo de espera por la operación de red ha expirado</translation>
    </message>
</context>
<context>
    <name>QSpiAccessibleBridge</name>
    <message>
        <source>invalid role</source>
        <extracomment>Role of an accessible object - the object is in an invalid state or could not be constructed
</extracomment>
        <translation>rol inválido</translation>
    </message>
    <message>
        <source>title bar</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>barra de título</translation>
    </message>
    <message>
        <source>menu bar</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>barra de menú</translation>
    </message>
    <message>
        <source>scroll bar</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>barra de desplazamiento</translation>
    </message>
    <message>
        <source>grip</source>
        <extracomment>Role of an accessible object - the grip is usually used for resizing another object
</extracomment>
        <translation>control</translation>
    </message>
    <message>
        <source>sound</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>sonido</translation>
    </message>
    <message>
        <source>cursor</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>cursor</translation>
    </message>
    <message>
        <source>text caret</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>símbolo de intercalación de texto</translation>
    </message>
    <message>
        <source>alert message</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>mensaje de alerta</translation>
    </message>
    <message>
        <source>frame</source>
        <extracomment>Role of an accessible object: a window with frame and title
----------
Role of an accessible object
</extracomment>
        <translation>marco</translation>
    </message>
    <message>
        <source>filler</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>relleno</translation>
    </message>
    <message>
        <source>popup menu</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>menú contextual</translation>
    </message>
    <message>
        <source>menu item</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>elemento de menú</translation>
    </message>
    <message>
        <source>tool tip</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>información contextual</translation>
    </message>
    <message>
        <source>application</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>aplicación</translation>
    </message>
    <message>
        <source>document</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>documento</translation>
    </message>
    <message>
        <source>panel</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>panel</translation>
    </message>
    <message>
        <source>chart</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>gráfico</translation>
    </message>
    <message>
        <source>dialog</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>diálogo</translation>
    </message>
    <message>
        <source>separator</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>separador</translation>
    </message>
    <message>
        <source>tool bar</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>barra de herramientas</translation>
    </message>
    <message>
        <source>status bar</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>barra de estado</translation>
    </message>
    <message>
        <source>table</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>tabla</translation>
    </message>
    <message>
        <source>column header</source>
        <extracomment>Role of an accessible object - part of a table
</extracomment>
        <translation>encabezado de columna</translation>
    </message>
    <message>
        <source>row header</source>
        <extracomment>Role of an accessible object - part of a table
</extracomment>
        <translation>encabezado de fila</translation>
    </message>
    <message>
        <source>column</source>
        <extracomment>Role of an accessible object - part of a table
</extracomment>
        <translation>columna</translation>
    </message>
    <message>
        <source>row</source>
        <extracomment>Role of an accessible object - part of a table
</extracomment>
        <translation>fila</translation>
    </message>
    <message>
        <source>cell</source>
        <extracomment>Role of an accessible object - part of a table
</extracomment>
        <translation>celda</translation>
    </message>
    <message>
        <source>link</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>enlace</translation>
    </message>
    <message>
        <source>help balloon</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>globo de ayuda</translation>
    </message>
    <message>
        <source>assistant</source>
        <extracomment>Role of an accessible object - a helper dialog
</extracomment>
        <translation>asistente</translation>
    </message>
    <message>
        <source>list</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>lista</translation>
    </message>
    <message>
        <source>list item</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>elementos de lista</translation>
    </message>
    <message>
        <source>tree</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>árbol</translation>
    </message>
    <message>
        <source>tree item</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>elemento de árbol</translation>
    </message>
    <message>
        <source>page tab</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>pestaña</translation>
    </message>
    <message>
        <source>property page</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>página de propiedades</translation>
    </message>
    <message>
        <source>indicator</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>indicador</translation>
    </message>
    <message>
        <source>graphic</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>gráfico</translation>
    </message>
    <message>
        <source>label</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>etiqueta</translation>
    </message>
    <message>
        <source>text</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>texto</translation>
    </message>
    <message>
        <source>push button</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>botón pulsable</translation>
    </message>
    <message>
        <source>check box</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>casilla de verificación</translation>
    </message>
    <message>
        <source>radio button</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>botón de radio</translation>
    </message>
    <message>
        <source>combo box</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>caja combinada</translation>
    </message>
    <message>
        <source>progress bar</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>barra de progreso</translation>
    </message>
    <message>
        <source>dial</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>marcador</translation>
    </message>
    <message>
        <source>hotkey field</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>campo de acceso rápido</translation>
    </message>
    <message>
        <source>slider</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>deslizador</translation>
    </message>
    <message>
        <source>spin box</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>cuadro de giro</translation>
    </message>
    <message>
        <source>canvas</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>lienzo</translation>
    </message>
    <message>
        <source>animation</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>animación</translation>
    </message>
    <message>
        <source>equation</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>ecuación</translation>
    </message>
    <message>
        <source>button with drop down</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>botón con desplegable</translation>
    </message>
    <message>
        <source>button menu</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>botón de menú</translation>
    </message>
    <message>
        <source>button with drop down grid</source>
        <extracomment>Role of an accessible object - a button that expands a grid.
</extracomment>
        <translation>botón con cuadrícula desplegable</translation>
    </message>
    <message>
        <source>space</source>
        <extracomment>Role of an accessible object - blank space between other objects.
</extracomment>
        <translation>espacio</translation>
    </message>
    <message>
        <source>page tab list</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>lista de pestañas</translation>
    </message>
    <message>
        <source>clock</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>reloj</translation>
    </message>
    <message>
        <source>splitter</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>delimitador</translation>
    </message>
    <message>
        <source>layered pane</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>panel de capas</translation>
    </message>
    <message>
        <source>web document</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>documento web</translation>
    </message>
    <message>
        <source>paragraph</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>párrafo</translation>
    </message>
    <message>
        <source>section</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>sección</translation>
    </message>
    <message>
        <source>color chooser</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>selector de color</translation>
    </message>
    <message>
        <source>footer</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>pie de página</translation>
    </message>
    <message>
        <source>form</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>formulario</translation>
    </message>
    <message>
        <source>heading</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>encabezado</translation>
    </message>
    <message>
        <source>note</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>nota</translation>
    </message>
    <message>
        <source>complementary content</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>contenido complementario</translation>
    </message>
    <message>
        <source>unknown</source>
        <extracomment>Role of an accessible object
</extracomment>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>QSslSocket</name>
    <message>
        <source>Error when setting the elliptic curves (%1)</source>
        <translation>Error estableciendo curvas elípticas (%1)</translation>
    </message>
    <message>
        <source>Error creating SSL context (%1)</source>
        <translation>Error al crear el contexto SSL (%1)</translation>
    </message>
    <message>
        <source>unsupported protocol</source>
        <translation>protocolo no soportado</translation>
    </message>
    <message>
        <source>Invalid or empty cipher list (%1)</source>
        <translation>Lista de cifras vacía o no válida (%1)</translation>
    </message>
    <message>
        <source>Cannot provide a certificate with no key, %1</source>
        <translation>No se puede proporcionar un certificado sin clave, %1</translation>
    </message>
    <message>
        <source>Error loading local certificate, %1</source>
        <translation>Error al cargar el certificado local, %1</translation>
    </message>
    <message>
        <source>Error loading private key, %1</source>
        <translation>Error al cargar la clave privada, %1</translation>
    </message>
    <message>
        <source>Private key does not certify public key, %1</source>
        <translation>La clave privada no certifica la clave pública, %1</translation>
    </message>
    <message>
        <source>OpenSSL version too old, need at least v1.0.2</source>
        <translation>Versión de OpenSSL demasiado vieja, se necesita al menos v1.0.2</translation>
    </message>
    <message>
        <source>No error</source>
        <translation>No hay errores</translation>
    </message>
    <message>
        <source>The issuer certificate could not be found</source>
        <translation>El certificado del emisor no puede ser encontrado</translation>
    </message>
    <message>
        <source>The certificate signature could not be decrypted</source>
        <translation>La firma del certificado no puede ser descifrada</translation>
    </message>
    <message>
        <source>The public key in the certificate could not be read</source>
        <translation>La clave pública del certificado no puede ser leída</translation>
    </message>
    <message>
        <source>The signature of the certificate is invalid</source>
        <translation>La firma del certificado es inválida</translation>
    </message>
    <message>
        <source>The certificate is not yet valid</source>
        <translation>El certificado no es todavía válido</translation>
    </message>
    <message>
        <source>The certificate has expired</source>
        <translation>El certificado ha caducado</translation>
    </message>
    <message>
        <source>The certificate&apos;s notBefore field contains an invalid time</source>
        <translation>El campo notBefore del certificado contiene una hora no válida</translation>
    </message>
    <message>
        <source>The certificate&apos;s notAfter field contains an invalid time</source>
        <translation>El campo notAfter del certificado contiene una hora inválida</translation>
    </message>
    <message>
        <source>The certificate is self-signed, and untrusted</source>
        <translation>El certificado está autofirmado, y es no confiable</translation>
    </message>
    <message>
        <source>The root certificate of the certificate chain is self-signed, and untrusted</source>
        <translation>El certificado raíz de la cadena de certificado está autofirmado, y no es confiable</translation>
    </message>
    <message>
        <source>The issuer certificate of a locally looked up certificate could not be found</source>
        <translation>El emisor del certificado de un certificado encontrado localmente no ha podido ser hallado</translation>
    </message>
    <message>
        <source>No certificates could be verified</source>
        <translation>Ningún certificado pudo ser verificado</translation>
    </message>
    <message>
        <source>One of the CA certificates is invalid</source>
        <translation>Uno de los certificados CA es inválido</translation>
    </message>
    <message>
        <source>The basicConstraints path length parameter has been exceeded</source>
        <translation>El tamaño del parámetro de ruta basicConstraints ha sido excedido</translation>
    </message>
    <message>
        <source>The supplied certificate is unsuitable for this purpose</source>
        <translation>El certificado suministrado no es adecuado para este propósito</translation>
    </message>
    <message>
        <source>The root CA certificate is not trusted for this purpose</source>
        <translation>La raíz del certificado CA no es confiable para este propósito</translation>
    </message>
    <message>
        <source>The root CA certificate is marked to reject the specified purpose</source>
        <translation>La raíz del certificado CA está marcado para rechazar el propósito especificado</translation>
    </message>
    <message>
        <source>The current candidate issuer certificate was rejected because its subject name did not match the issuer name of the current certificate</source>
        <translation>El emisor del candidato actual ha sido rechazado porque el nombre del tema no coincide con el nombre del emisor del actual certificado</translation>
    </message>
    <message>
        <source>The current candidate issuer certificate was rejected because its issuer name and serial number was present and did not match the authority key identifier of the current certificate</source>
        <translation>El emisor del candidato actual ha sido rechazado porque el nombre del emisor y su número de serie no está presente y no coincide con la clave de la autoridad identificadora del actual certificado</translation>
    </message>
    <message>
        <source>The peer did not present any certificate</source>
        <translation>El punto no está presente en ningún certificado</translation>
    </message>
    <message>
        <source>The host name did not match any of the valid hosts for this certificate</source>
        <translation>El nombre de equipo no coincidió con ninguno de los equipos válidos para este certificado</translation>
    </message>
    <message>
        <source>The peer certificate is blacklisted</source>
        <translation>El certificado del punto está en la lista negra</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Error desconocido</translation>
    </message>
    <message>
        <source>The TLS/SSL connection has been closed</source>
        <translation>La conexión TLS/SSL ha sido cerrada</translation>
    </message>
    <message>
        <source>Error creating SSL session, %1</source>
        <translation>Error al crear la sesión SSL, %1</translation>
    </message>
    <message>
        <source>Error creating SSL session: %1</source>
        <translation>Error al crear la sesión SSL: %1</translation>
    </message>
    <message>
        <source>Unable to init SSL Context: %1</source>
        <translation>Ha sido imposible iniciar el contexto SSL: %1</translation>
    </message>
    <message>
        <source>Unable to write data: %1</source>
        <translation>No es posible escribir los datos: %1</translation>
    </message>
    <message>
        <source>Unable to decrypt data: %1</source>
        <translation>No ha sido posible descifrar los datos: %1</translation>
    </message>
    <message>
        <source>Error while reading: %1</source>
        <translation>Error al leer: %1</translation>
    </message>
    <message>
        <source>Error during SSL handshake: %1</source>
        <translation>Error durante el handshake SSL: %1</translation>
    </message>
</context>
<context>
    <name>QStandardPaths</name>
    <message>
        <source>Desktop</source>
        <translation>Escritorio</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Aplicaciones</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Música</translation>
    </message>
    <message>
        <source>Movies</source>
        <translation>Películas</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Temporary Directory</source>
        <translation>Directorio temporal</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Caché</translation>
    </message>
    <message>
        <source>Shared Data</source>
        <translation>Datos compartidos</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Tiempo de ejecución</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Shared Configuration</source>
        <translation>Configuración compartida</translation>
    </message>
    <message>
        <source>Shared Cache</source>
        <translation>Caché compartida</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Application Data</source>
        <translation>Datos de aplicación</translation>
    </message>
    <message>
        <source>Application Configuration</source>
        <translation>Configuración de aplicación</translation>
    </message>
</context>
<context>
    <name>QStateMachine</name>
    <message>
        <source>Missing initial state in compound state &apos;%1&apos;</source>
        <translation>Falta el el estado inicial en el campo compuesto «%1»</translation>
    </message>
    <message>
        <source>Missing default state in history state &apos;%1&apos;</source>
        <translation>Falta el estado por defecto en el estado de historia «%1»</translation>
    </message>
    <message>
        <source>No common ancestor for targets and source of transition from state &apos;%1&apos;</source>
        <translation>No hay un antepasado común para los destinos y origen de la transición desde el estado «%1»</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Error desconocido</translation>
    </message>
</context>
<context>
    <name>QSystemSemaphore</name>
    <message>
        <source>%1: permission denied</source>
        <translation>%1: permiso denegado</translation>
    </message>
    <message>
        <source>%1: already exists</source>
        <translation>%1: ya existe</translation>
    </message>
    <message>
        <source>%1: does not exist</source>
        <translation>%1: no existe</translation>
    </message>
    <message>
        <source>%1: out of resources</source>
        <translation>%1: falta de recursos</translation>
    </message>
    <message>
        <source>%1: unknown error %2</source>
        <translation>%1: error desconocido %2</translation>
    </message>
</context>
<context>
    <name>QTDSDriver</name>
    <message>
        <source>Unable to open connection</source>
        <translation>No es posible abrir la conexión</translation>
    </message>
    <message>
        <source>Unable to use database</source>
        <translation>No es posible utilizar la base de datos</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Desplazar hacia la izquierda</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Desplazar hacia la derecha</translation>
    </message>
</context>
<context>
    <name>QTcpServer</name>
    <message>
        <source>Operation on socket is not supported</source>
        <translation>Operación en el socket no soportada</translation>
    </message>
</context>
<context>
    <name>QTgaFile</name>
    <message>
        <source>Could not read image data</source>
        <translation>No se pueden leer los datos de la imagen</translation>
    </message>
    <message>
        <source>Sequential device (eg socket) for image read not supported</source>
        <translation>Los dispositivos secuenciales (por ejemplo socket) no están soportados para lectura de imagen</translation>
    </message>
    <message>
        <source>Seek file/device for image read failed</source>
        <translation>Falló el acceso aleatorio para lectura imágenes en archivo/dispositivo</translation>
    </message>
    <message>
        <source>Image header read failed</source>
        <translation>La lectura de la cabecera de imagen falló</translation>
    </message>
    <message>
        <source>Image type not supported</source>
        <translation>El tipo de imagen no está soportado</translation>
    </message>
    <message>
        <source>Image depth not valid</source>
        <translation>Profundidad de imagen no válida</translation>
    </message>
    <message>
        <source>Could not seek to image read footer</source>
        <translation>No se puede acceder al pie de página de la imagen</translation>
    </message>
    <message>
        <source>Could not read footer</source>
        <translation>No se puede leer el pie de página</translation>
    </message>
    <message>
        <source>Image type (non-TrueVision 2.0) not supported</source>
        <translation>El tipo de imagen (no TrueVision 2.0) no está soportado</translation>
    </message>
    <message>
        <source>Could not reset to read data</source>
        <translation>No se puede reiniciar la lectura de datos</translation>
    </message>
</context>
<context>
    <name>QUndoGroup</name>
    <message>
        <source>Undo %1</source>
        <translation>Deshacer %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <comment>Default text for undo action</comment>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Rehacer %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <comment>Default text for redo action</comment>
        <translation>Rehacer</translation>
    </message>
</context>
<context>
    <name>QUndoModel</name>
    <message>
        <source>&lt;empty&gt;</source>
        <translation>&lt;vacío&gt;</translation>
    </message>
</context>
<context>
    <name>QUndoStack</name>
    <message>
        <source>Undo %1</source>
        <translation>Deshacer %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <comment>Default text for undo action</comment>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Rehacer %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <comment>Default text for redo action</comment>
        <translation>Rehacer</translation>
    </message>
</context>
<context>
    <name>QUnicodeControlCharacterMenu</name>
    <message>
        <source>LRM Left-to-right mark</source>
        <translation>LRM Marca de-izquierda-a-derecha</translation>
    </message>
    <message>
        <source>RLM Right-to-left mark</source>
        <translation>RLM Marca de-derecha-a-izquierda</translation>
    </message>
    <message>
        <source>ZWJ Zero width joiner</source>
        <translation>ZWJ Zero width joiner</translation>
    </message>
    <message>
        <source>ZWNJ Zero width non-joiner</source>
        <translation>ZWNJ Zero width non-joiner</translation>
    </message>
    <message>
        <source>ZWSP Zero width space</source>
        <translation>ZWSP Zero width space</translation>
    </message>
    <message>
        <source>LRE Start of left-to-right embedding</source>
        <translation>LRE Start of left-to-right embedding</translation>
    </message>
    <message>
        <source>RLE Start of right-to-left embedding</source>
        <translation>RLE Start of right-to-left embedding</translation>
    </message>
    <message>
        <source>LRO Start of left-to-right override</source>
        <translation>LRO Start of left-to-right override</translation>
    </message>
    <message>
        <source>RLO Start of right-to-left override</source>
        <translation>RLO Start of right-to-left override</translation>
    </message>
    <message>
        <source>PDF Pop directional formatting</source>
        <translation>PDF Pop directional formatting</translation>
    </message>
    <message>
        <source>LRI Left-to-right isolate</source>
        <translation>LRI Left-to-right isolate</translation>
    </message>
    <message>
        <source>RLI Right-to-left isolate</source>
        <translation>RLI Right-to-left isolate</translation>
    </message>
    <message>
        <source>FSI First strong isolate</source>
        <translation>FSI First strong isolate</translation>
    </message>
    <message>
        <source>PDI Pop directional isolate</source>
        <translation>PDI Pop directional isolate</translation>
    </message>
    <message>
        <source>Insert Unicode control character</source>
        <translation>Insertar carácter de control Unicode</translation>
    </message>
</context>
<context>
    <name>QWhatsThisAction</name>
    <message>
        <source>What&apos;s This?</source>
        <translation>¿Qué es esto?</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>*</source>
        <translation>*</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Copiar la ubicación del en&amp;lace</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Seleccionar todo</translation>
    </message>
</context>
<context>
    <name>QWindowsDirect2DIntegration</name>
    <message>
        <source>Qt cannot load the direct2d platform plugin because the Direct2D version on this system is too old. The minimum system requirement for this platform plugin is Windows 7 SP1 with Platform Update.

The minimum Direct2D version required is %1.%2.%3.%4. The Direct2D version on this system is %5.%6.%7.%8.</source>
        <translation>Qt no puede cargar el plugin de plataforma direct2d porque la versión de Direct2D es demasiado antigua. El requisito mínimo de para este plugin de plataforma es Windows 7 SP1 con la Actualización de plataforma.

La versión mínima de Direct2D requerida es %1.%2.%3.%4. Y la versión de Direct2D instalada en el sistema es %5.%6.%7.%8.</translation>
    </message>
    <message>
        <source>Cannot load direct2d platform plugin</source>
        <translation>No se puede cargar el plugin de plataforma direct2d</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>Go Back</source>
        <translation>Ir atrás</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Atrás</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>Siguie&amp;nte</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>Siguie&amp;nte &gt;</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Finalizar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ayuda</translation>
    </message>
</context>
<context>
    <name>QXml</name>
    <message>
        <source>no error occurred</source>
        <translation>no se ha producido ningún error</translation>
    </message>
    <message>
        <source>error triggered by consumer</source>
        <translation>error debido al consumidor</translation>
    </message>
    <message>
        <source>unexpected end of file</source>
        <translation>fin de archivo inesperado</translation>
    </message>
    <message>
        <source>more than one document type definition</source>
        <translation>más de una definición de tipo de documento</translation>
    </message>
    <message>
        <source>error occurred while parsing element</source>
        <translation>se ha producido un error durante el análisis de un elemento</translation>
    </message>
    <message>
        <source>tag mismatch</source>
        <translation>etiqueta desequilibrada</translation>
    </message>
    <message>
        <source>error occurred while parsing content</source>
        <translation>se ha producido un error durante el análisis del contenido</translation>
    </message>
    <message>
        <source>unexpected character</source>
        <translation>carácter inesperado</translation>
    </message>
    <message>
        <source>invalid name for processing instruction</source>
        <translation>nombre de instrucción de tratamiento no válido</translation>
    </message>
    <message>
        <source>version expected while reading the XML declaration</source>
        <translation>se esperaba la versión al leer la declaración XML</translation>
    </message>
    <message>
        <source>wrong value for standalone declaration</source>
        <translation>valor erróneo para la declaración independiente</translation>
    </message>
    <message>
        <source>encoding declaration or standalone declaration expected while reading the XML declaration</source>
        <translation>se esperaba una declaración de codificación o declaración autónoma al leer la declaración XML</translation>
    </message>
    <message>
        <source>standalone declaration expected while reading the XML declaration</source>
        <translation>se esperaba una declaración independiente al leer la declaración XML</translation>
    </message>
    <message>
        <source>error occurred while parsing document type definition</source>
        <translation>se ha producido un error durante el análisis de la definición de tipo de documento</translation>
    </message>
    <message>
        <source>letter is expected</source>
        <translation>se esperaba una letra</translation>
    </message>
    <message>
        <source>error occurred while parsing comment</source>
        <translation>se ha producido un error durante el análisis de un comentario</translation>
    </message>
    <message>
        <source>error occurred while parsing reference</source>
        <translation>se ha producido un error durante el análisis de una referencia</translation>
    </message>
    <message>
        <source>internal general entity reference not allowed in DTD</source>
        <translation>no se permiten referencias a entidades internas generales en la DTD</translation>
    </message>
    <message>
        <source>external parsed general entity reference not allowed in attribute value</source>
        <translation>no se permiten referencias a entidades externas generales ya analizadas en el valor de un atributo</translation>
    </message>
    <message>
        <source>external parsed general entity reference not allowed in DTD</source>
        <translation>no se permiten referencias a entidades externas generales ya analizadas en la DTD</translation>
    </message>
    <message>
        <source>unparsed entity reference in wrong context</source>
        <translation>referencia a entidad no analizada en un contexto no válido</translation>
    </message>
    <message>
        <source>recursive entities</source>
        <translation>entidades recursivas</translation>
    </message>
    <message>
        <source>error in the text declaration of an external entity</source>
        <translation>error en la declaración de texto de una entidad externa</translation>
    </message>
</context>
<context>
    <name>QXmlStream</name>
    <message>
        <source>Extra content at end of document.</source>
        <translation>Contenido extra al final del documento.</translation>
    </message>
    <message>
        <source>Invalid entity value.</source>
        <translation>Valor de la entidad no válido.</translation>
    </message>
    <message>
        <source>Invalid XML character.</source>
        <translation>Carácter XML no válido.</translation>
    </message>
    <message>
        <source>Sequence &apos;]]&gt;&apos; not allowed in content.</source>
        <translation>Secuencia «]]&gt;» no permitida en el contenido.</translation>
    </message>
    <message>
        <source>Encountered incorrectly encoded content.</source>
        <translation>Contenido codificado incorrectamente encontrado.</translation>
    </message>
    <message>
        <source>Namespace prefix &apos;%1&apos; not declared</source>
        <translation>Prefijo de espacio de nombres «%1» no declarado</translation>
    </message>
    <message>
        <source>Illegal namespace declaration.</source>
        <translation>Declaración de espacio de nombres ilegal.</translation>
    </message>
    <message>
        <source>Attribute &apos;%1&apos; redefined.</source>
        <translation>El atributo «%1» está redefinido.</translation>
    </message>
    <message>
        <source>Unexpected character &apos;%1&apos; in public id literal.</source>
        <translation>Carácter «%1» inesperado en un literal de identificación público.</translation>
    </message>
    <message>
        <source>Invalid XML version string.</source>
        <translation>Cadena de versión XML no válida.</translation>
    </message>
    <message>
        <source>Unsupported XML version.</source>
        <translation>Versión XML no soportada.</translation>
    </message>
    <message>
        <source>The standalone pseudo attribute must appear after the encoding.</source>
        <translation>El pseudoatributo «standalone» debe aparece después de la codificación.</translation>
    </message>
    <message>
        <source>%1 is an invalid encoding name.</source>
        <translation>%1 es un nombre de codificación no válido.</translation>
    </message>
    <message>
        <source>Encoding %1 is unsupported</source>
        <translation>No se admite la codificación %1</translation>
    </message>
    <message>
        <source>Standalone accepts only yes or no.</source>
        <translation>«Standalone» sólo acepta «sí» o «no».</translation>
    </message>
    <message>
        <source>Invalid attribute in XML declaration.</source>
        <translation>Atributo no válido en la declaración XML.</translation>
    </message>
    <message>
        <source>Premature end of document.</source>
        <translation>Final prematuro del documento.</translation>
    </message>
    <message>
        <source>Invalid document.</source>
        <translation>Documento no válido.</translation>
    </message>
    <message>
        <source>Expected </source>
        <translation>Se esperaba </translation>
    </message>
    <message>
        <source>, but got &apos;</source>
        <translation>, pero se ha recibido &apos;</translation>
    </message>
    <message>
        <source>Unexpected &apos;</source>
        <translation>No se esperaba &apos;</translation>
    </message>
    <message>
        <source>Expected character data.</source>
        <translation>Se esperaban datos de carácter.</translation>
    </message>
    <message>
        <source>Recursive entity detected.</source>
        <translation>Detectada entidad recursiva.</translation>
    </message>
    <message>
        <source>Start tag expected.</source>
        <translation>Se esperaba etiqueta de inicio.</translation>
    </message>
    <message>
        <source>NDATA in parameter entity declaration.</source>
        <translation>NDATA en una declaración de entidad parámetro.</translation>
    </message>
    <message>
        <source>XML declaration not at start of document.</source>
        <translation>La declaración XML no está al principio del documento.</translation>
    </message>
    <message>
        <source>%1 is an invalid processing instruction name.</source>
        <translation>%1 es un nombre de instrucción de procesamiento no válido.</translation>
    </message>
    <message>
        <source>Invalid processing instruction name.</source>
        <translation>Nombre de instrucción de procesamiento no válido.</translation>
    </message>
    <message>
        <source>%1 is an invalid PUBLIC identifier.</source>
        <translation>%1 no es un identificador PUBLIC válido.</translation>
    </message>
    <message>
        <source>Invalid XML name.</source>
        <translation>Nombre XML no válido.</translation>
    </message>
    <message>
        <source>Opening and ending tag mismatch.</source>
        <translation>Las etiquetas de apertura y cierre no coinciden.</translation>
    </message>
    <message>
        <source>Entity &apos;%1&apos; not declared.</source>
        <translation>Entidad «%1» no declarada.</translation>
    </message>
    <message>
        <source>Reference to unparsed entity &apos;%1&apos;.</source>
        <translation>Referencia a una entidad no analizada «%1».</translation>
    </message>
    <message>
        <source>Reference to external entity &apos;%1&apos; in attribute value.</source>
        <translation>Referencia a una entidad externa «%1» en el valor del atributo.</translation>
    </message>
    <message>
        <source>Invalid character reference.</source>
        <translation>Referencia un carácter no válido.</translation>
    </message>
</context>
</TS>
